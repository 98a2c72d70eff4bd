package org.onecall.cli;

import java.io.IOException;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.onecall.OneCallServer;
import org.onecall.config.ConfigException;
import org.onecall.config.OneCallConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the FastAGI server that Asterisk's AGI() connects to. Ctrl-C or SIGTERM stops it gracefully.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        OneCallServer server;
        try {
            server = OneCallServer.start(options.loader(), InstantSource.system());
        } catch (ConfigException e) {
            ConfigOptions.printProblems("OneCall cannot start:", e);
            return 1;
        } catch (IOException e) {
            System.err.println("OneCall cannot start: " + e.getMessage());
            return 1;
        }
        OneCallConfig config = server.config();
        var agi = server.agiAddress();
        System.out.println("OneCall is running.");
        System.out.println("  FastAGI  agi://" + agi.getAddress().getHostAddress() + ":" + agi.getPort()
                + "/<script>   allowed peers " + config.server().agi().allowed()
                + ", up to " + config.server().agi().maxCalls() + " calls at once");
        server.adminUrl().ifPresent(url -> {
            int tokens = config.server().admin().tokens().size();
            System.out.println("  admin    " + url + "/api/   " + (tokens == 0
                    ? "no tokens yet: ./onecall admin-token --name NAME --role switch"
                    : tokens + " token(s) in " + config.server().admin().tokensFile()));
        });
        ConfigOptions.printCenters(config);
        System.out.println("  config   " + options.directory().toAbsolutePath().normalize() + " (edits reload)");
        System.out.println("Try a call: ./onecall call --server " + agi.getAddress().getHostAddress() + ":"
                + agi.getPort() + " --to 311 --keys 2");
        System.out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            server.stop();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
