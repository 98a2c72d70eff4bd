package org.onecall.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: ./onecall serve | check-config | menus | call | report | spikes | announce | admin-token | pin-hash. */
@Command(name = "onecall", mixinStandardHelpOptions = true, version = "OneCall 0.1",
        description = "OneCall: the IVR behind a city's 311 number, a FastAGI server for Asterisk.",
        subcommands = {ServeCommand.class, CheckConfigCommand.class, MenusCommand.class, CallCommand.class, ReportCommand.class,
            SpikesCommand.class, AnnounceCommand.class, AdminTokenCommand.class, PinHashCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        boolean serve = args.length > 0 && args[0].equals("serve");
        if (!serve) {
            // A tool's output is its result; only problems are worth a log line.
            System.setProperty("onecall.log.level", System.getProperty("onecall.log.level", "WARN"));
            System.setProperty("onecall.log.target", "System.err");
        }
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0 || !serve) {
            System.exit(code);
        }
        // serve returns only after its graceful stop, from the shutdown hook.
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
