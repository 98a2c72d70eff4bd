package org.onecall.cli;

import java.util.concurrent.Callable;

import org.onecall.config.Center;
import org.onecall.config.ConfigException;
import org.onecall.config.OneCallConfig;
import org.onecall.config.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Check the configuration; print every problem and exit non-zero if there is one.")
final class CheckConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        try {
            OneCallConfig config = options.loader().load();
            System.out.println("configuration OK: " + options.directory());
            System.out.println("  FastAGI on " + config.server().agi().bind().getHostAddress() + ":"
                    + config.server().agi().port() + ", allowed " + config.server().agi().allowed());
            for (Center c : config.centers()) {
                System.out.println("  center " + c.id() + " (" + c.name() + "): scripts " + c.scripts() + ", numbers "
                        + c.numbers() + ", languages " + c.languages());
            }
            return 0;
        } catch (ConfigException e) {
            System.err.println(e.problems().size() + " problem(s) in " + options.directory() + ":");
            for (Problem p : e.problems()) {
                System.err.println("  " + p);
            }
            return 1;
        }
    }
}
