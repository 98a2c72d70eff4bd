package org.onecall.cli;

import java.util.concurrent.Callable;

import org.onecall.config.ConfigException;
import org.onecall.config.OneCallConfig;

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
            ConfigOptions.printCenters(config);
            return 0;
        } catch (ConfigException e) {
            ConfigOptions.printProblems(options.directory() + ":", e);
            return 1;
        }
    }
}
