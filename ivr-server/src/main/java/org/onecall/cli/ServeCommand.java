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
        // One write: a log line from another thread must not land inside the banner.
        StringBuilder banner = new StringBuilder("OneCall is running.\n");
        banner.append("  FastAGI  agi://").append(agi.getAddress().getHostAddress()).append(':').append(agi.getPort())
                .append("/<script>   allowed peers ").append(config.server().agi().allowed())
                .append(", up to ").append(config.server().agi().maxCalls()).append(" calls at once\n");
        server.adminUrl().ifPresent(url -> {
            int tokens = config.server().admin().tokens().size();
            banner.append("  admin    ").append(url).append("/api/   ").append(tokens == 0
                    ? "no tokens yet: ./onecall admin-token --name NAME --role switch"
                    : tokens + " token(s) in " + config.server().admin().tokensFile()).append('\n');
        });
        banner.append(ConfigOptions.centers(config));
        banner.append("  config   ").append(options.directory().toAbsolutePath().normalize()).append(" (edits reload)\n");
        banner.append("Try a call: ./onecall call --server ").append(agi.getAddress().getHostAddress()).append(':')
                .append(agi.getPort()).append(" --to 311 --keys 2\n");
        System.out.print(banner);
        System.out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            server.stop();
            stopped.countDown();
        }));
        // Only now that this hook will stop it: a start that failed must not hold the JVM for it.
        server.keepDatabaseThroughExit();
        stopped.await();
        return 0;
    }
}
