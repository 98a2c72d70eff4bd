package org.onecall.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.onecall.admin.Tokens;
import org.onecall.config.AdminToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code onecall admin-token}: a new token for the admin API, and the line that lets the server accept it. */
@Command(name = "admin-token", mixinStandardHelpOptions = true,
        description = {
            "Make a token for the admin HTTP API (./onecall announce, curl).",
            "Prints the token once, and the line to add to the tokens file (admin.tokens,"
                    + " config/admin-tokens.yaml): the file keeps only the token's SHA-256.",
            "Example: onecall admin-token --name alice --role switch"})
final class AdminTokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Who holds it; every change they make is recorded under this name.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "view|switch",
            description = "view: list announcements and read the audit; switch: also arm, start and stop them.")
    String roleName;

    @Override
    public Integer call() {
        AdminToken.Role role = switch (roleName.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "view" -> AdminToken.Role.VIEW;
            case "switch" -> AdminToken.Role.SWITCH;
            default -> throw new ParameterException(spec.commandLine(), "--role: '" + roleName + "' is not view or"
                    + " switch");
        };
        if (!AdminToken.NAME.matcher(name).matches()) {
            throw new ParameterException(spec.commandLine(), "--name: '" + name + "' must be letters, digits, '.', '_'"
                    + " or '-' (up to 64), e.g. alice or wallboard-2");
        }
        String token = Tokens.generate();
        PrintWriter out = spec.commandLine().getOut();
        out.println("A new admin token for " + name + " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ")."
                + " It is shown only this once; give it to " + name + ":");
        out.println();
        out.println("    " + token);
        out.println();
        out.println("Add this line at the end of config/admin-tokens.yaml, under tokens: (the server applies it"
                + " within a second):");
        out.println();
        out.println(Tokens.fileLine(name, role, token));
        out.println();
        out.println(name + " then runs, for example:");
        out.println("    export ONECALL_ADMIN_TOKEN=<the token above>");
        out.println("    ./onecall announce list --center metro-311");
        out.flush();
        return 0;
    }
}
