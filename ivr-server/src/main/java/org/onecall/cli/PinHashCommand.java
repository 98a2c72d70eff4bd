package org.onecall.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.onecall.config.Center;
import org.onecall.config.ConfigLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pin-hash", mixinStandardHelpOptions = true,
        description = {"Read an administrator's phone PIN from the terminal (not echoed) or stdin and print the"
                + " pin-sha256 for phone-admins in the center's file: SHA-256 of \"<center>:<admin>:<pin>\", in hex.",
                "Example: ./onecall pin-hash --center metro-311 --admin 1001"})
final class PinHashCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--center", required = true, paramLabel = "ID", description = "The center, e.g. metro-311.")
    String center;

    @Option(names = "--admin", required = true, paramLabel = "ID", description = "The administrator's id (digits).")
    String admin;

    @Override
    public Integer call() throws IOException {
        // The center's file is not loaded: it may be invalid right now, waiting for this very hash.
        Path centers = options.directory().resolve(ConfigLoader.CENTERS);
        if (!Files.isRegularFile(centers.resolve(center + ".yaml"))) {
            System.err.println("no center file " + center + ".yaml in " + centers
                    + "; the hash includes the center's id, so it must be exact");
            return 2;
        }
        if (!admin.matches("[0-9]{1," + Center.PhoneAdmin.MAX_ID_DIGITS + "}")) {
            System.err.println("'" + admin + "' is not an administrator id: 1 to " + Center.PhoneAdmin.MAX_ID_DIGITS
                    + " digits");
            return 2;
        }
        String pin = readPin();
        if (pin == null || !pin.matches("[0-9]{" + Center.PhoneAdmin.MIN_PIN_DIGITS + ","
                + Center.PhoneAdmin.MAX_PIN_DIGITS + "}")) {
            // The PIN itself is never repeated back.
            System.err.println("a PIN is " + Center.PhoneAdmin.MIN_PIN_DIGITS + " to "
                    + Center.PhoneAdmin.MAX_PIN_DIGITS + " digits; nothing printed");
            return 2;
        }
        System.out.println(Center.PhoneAdmin.pinHash(center, admin, pin));
        return 0;
    }

    private static String readPin() throws IOException {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] typed = console.readPassword("PIN for the phone entry (digits, not shown): ");
            return typed == null ? null : new String(typed).strip();
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.strip();
    }
}
