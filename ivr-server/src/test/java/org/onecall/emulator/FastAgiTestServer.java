package org.onecall.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny FastAGI server for tests: each connection runs the given script in its own virtual thread.
 * Script failures are kept and rethrown by {@link #close()}, so a test cannot pass over them.
 */
final class FastAgiTestServer implements AutoCloseable {

    @FunctionalInterface
    interface Script {
        void run(Conversation conversation) throws Exception;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    private FastAgiTestServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    threads.execute(() -> converse(connection, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    static FastAgiTestServer start(Script script) throws IOException {
        return new FastAgiTestServer(script);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private void converse(Socket connection, Script script) {
        try (connection) {
            connection.setSoTimeout(10_000);
            script.run(new Conversation(connection));
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    /** Stops accepting, waits for running conversations, and fails with the first script failure. */
    @Override
    public void close() throws IOException {
        socket.close();
        threads.close();
        Throwable first = failures.peek();
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new AssertionError("the test server's script failed: " + first, first);
        }
    }

    /** The server's side of one call. */
    static final class Conversation {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private final List<String> hangupLines = new ArrayList<>();

        Conversation(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        /** Reads the agi_ header up to its empty line. */
        Map<String, String> header() throws IOException {
            Map<String, String> header = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(": ");
                header.put(line.substring(0, colon), line.substring(colon + 2));
            }
            return header;
        }

        /** Sends a command and returns its reply; an async HANGUP line before it is noted, not returned. */
        String command(String line) throws IOException {
            send(line);
            return reply();
        }

        void send(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String reply() throws IOException {
            String reply = in.readLine();
            while ("HANGUP".equals(reply)) {
                hangupLines.add(reply);
                reply = in.readLine();
            }
            if (reply != null && reply.startsWith("520-")) {
                StringBuilder block = new StringBuilder(reply);
                do {
                    reply = in.readLine();
                    block.append('\n').append(reply);
                } while (reply != null && !reply.startsWith("520 "));
                return block.toString();
            }
            return reply;
        }

        /** HANGUP lines seen so far while waiting for replies. */
        int hangupsSeen() {
            return hangupLines.size();
        }

        /** Reads the next line as is (for a HANGUP that follows a reply right away). */
        String readLine() throws IOException {
            return in.readLine();
        }

        /** Closes the sending side and returns what Asterisk still sends before it closes too. */
        List<String> closeAndDrain() throws IOException {
            socket.shutdownOutput();
            List<String> rest = new ArrayList<>();
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    rest.add(line);
                }
            } catch (SocketException e) {
                // The emulator closing first is fine: what it sent is in rest.
            }
            return rest;
        }

        /** Stops talking without closing, to test the emulator's timeout. */
        void waitForEmulatorToGiveUp() throws IOException {
            while (in.readLine() != null) {
                // drain until the emulator closes
            }
        }
    }
}
