package org.onecall.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.onecall.emulator.AsteriskEmulator;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.QueueGate;
import org.onecall.emulator.Transcript;

/**
 * Holds N callers in the queue of a running server at once, then lets them go, and prints what
 * it took: how long until all were in, the server's memory with all of them in progress, how
 * many were refused or failed. Usage: HeldCalls host:port calls [server-pid]
 */
public final class HeldCalls {
    public static void main(String[] args) throws Exception {
        String[] hp = args[0].split(":");
        int calls = Integer.parseInt(args[1]);
        String pid = args.length > 2 ? args[2] : null;
        AsteriskEmulator asterisk = new AsteriskEmulator(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])),
                Duration.ofMinutes(5));
        long rssBefore = rssKb(pid);
        QueueGate gate = new QueueGate();
        // English, water, a water main: the water desk answers around the clock, so callers are
        // held in its queue whatever the hour (a desk that is closed would hold nobody).
        CallerScript caller = CallerScript.keys("1", "5", "1").waitIn(gate);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Transcript>> placed = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                placed.add(pool.submit(() -> asterisk.call(CallSetup.to("311").withCaller(caller))));
            }
            boolean allIn = gate.awaitWaiting(calls, Duration.ofMinutes(3));
            double inSeconds = (System.nanoTime() - start) / 1e9;
            long rssHeld = rssKb(pid);
            System.out.printf("%d of %d callers waiting in the queue at once after %.1f s%n", gate.waiting(), calls, inSeconds);
            if (pid != null) {
                System.out.printf("server RSS: %d MB idle, %d MB with the calls held (%.1f KB per call)%n",
                        rssBefore / 1024, rssHeld / 1024, (rssHeld - rssBefore) / (double) calls);
            }
            long released = System.nanoTime();
            gate.release();
            int done = 0;
            int refused = 0;
            int failed = 0;
            for (Future<Transcript> f : placed) {
                try {
                    Transcript t = f.get(5, TimeUnit.MINUTES);
                    String status = t.variables().getOrDefault("ONECALL_STATUS", "");
                    if (status.equals("DONE")) {
                        done++;
                    } else if (status.equals("BUSY")) {
                        refused++;
                    } else {
                        failed++;
                    }
                } catch (Exception e) {
                    failed++;
                }
            }
            System.out.printf("released: %d completed, %d refused, %d failed, in %.1f s%n", done, refused, failed,
                    (System.nanoTime() - released) / 1e9);
            if (!allIn || done != calls) {
                System.exit(1);
            }
        }
    }

    private static long rssKb(String pid) throws Exception {
        if (pid == null) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
