package org.onecall.agi;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.asteriskjava.util.SocketConnectionFacade;
import org.onecall.config.AgiSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One FastAGI connection, as Asterisk-Java's protocol code sees it, with the guards a server
 * facing the network needs: bounded lines and headers, a deadline for the header, a bound on
 * the wait for each reply, and hang-up detection the moment Asterisk says HANGUP.
 *
 * <p>A reader thread takes every line off the socket as it arrives. Asterisk sends an
 * unprompted "HANGUP" line as soon as the caller hangs up, even while the server is thinking;
 * the reader records it, and from then on no command reaches the dead channel: the command is
 * answered here with the 511 that Asterisk itself gives for a dead channel.
 */
final class AgiConnection implements SocketConnectionFacade {
    static final String DEAD_CHANNEL_REPLY = "511 Command Not Permitted on a dead channel or intercept routine";
    private static final Logger log = LoggerFactory.getLogger(AgiConnection.class);
    private static final Pattern REPLY_LINE = Pattern.compile("\\d{3}[ -].*");
    private static final Pattern HEADER_LINE = Pattern.compile("agi_[a-z0-9_]{1,40}: [^\\x00-\\x08\\x0b-\\x1f]*");
    // Asterisk sends a reply plus at most a few unprompted lines (HANGUP, a 520 usage block).
    // A peer that floods more is not Asterisk.
    private static final int MAX_UNREAD_LINES = 256;

    /** A line over the limit: the peer is broken or hostile. */
    static final class LineTooLong extends IOException {
        LineTooLong(int limit) {
            super("a line longer than " + limit + " bytes");
        }
    }

    private sealed interface Item {
    }

    private record Line(String text) implements Item {
    }

    private record End(String why) implements Item {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final AgiSettings limits;
    private final String peer;
    private final LinkedBlockingDeque<Item> replies = new LinkedBlockingDeque<>();
    private List<String> header = List.of();
    private int headerReplayed;
    private volatile boolean hungUp;
    /** The next command goes out although the caller hung up: a read Asterisk answers on a dead channel. */
    private volatile boolean oneAfterHangup;
    private volatile boolean closed;
    private volatile Duration extraReplyTime = Duration.ZERO;
    // Inside a "520-" usage block Asterisk sends free text until "520 End of proper usage."
    private boolean inUsageBlock;

    AgiConnection(Socket socket, AgiSettings limits) throws IOException {
        this.socket = socket;
        this.limits = limits;
        this.in = new BufferedInputStream(socket.getInputStream(), 4096);
        this.out = socket.getOutputStream();
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        socket.setKeepAlive(true);
        socket.setTcpNoDelay(true);
    }

    String peer() {
        return peer;
    }

    /**
     * Reads the agi_ header. A peer that is slow, endless, oversized or not speaking AGI gets
     * an IOException that says which.
     */
    List<String> readHeader() throws IOException {
        long deadline = System.nanoTime() + limits.headerTimeout().toNanos();
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(deadline);
            if (line == null) {
                throw new IOException(lines.isEmpty() ? "closed without sending a header"
                        : "closed in the middle of the header");
            }
            if (line.isEmpty()) {
                if (lines.isEmpty()) {
                    throw new IOException("sent an empty header");
                }
                break;
            }
            if (lines.size() >= limits.maxHeaderLines()) {
                throw new IOException("sent a header longer than " + limits.maxHeaderLines() + " lines");
            }
            if (!HEADER_LINE.matcher(line).matches()) {
                throw new IOException("sent a header line that is not 'agi_name: value': " + printable(line));
            }
            lines.add(line);
        }
        header = List.copyOf(lines);
        return header;
    }

    /** Starts taking lines off the socket; the call's replies come through {@link #readLine()}. */
    void startReader(String callId) {
        Thread.ofVirtual().name("agi-reader-" + callId).start(() -> {
            MDC.put("call", callId);
            try {
                // No read timeout here: a queue call may rightly stay silent for many minutes;
                // readLine() bounds each wait for a reply instead.
                socket.setSoTimeout(0);
                List<String> batch = new ArrayList<>();
                while (true) {
                    // Lines that arrived together are taken together, so a HANGUP sent right
                    // behind a reply is known before the call sees that reply and sends more.
                    do {
                        String line = readLine(Long.MAX_VALUE);
                        if (line == null) {
                            publish(batch);
                            replies.offer(new End("closed by Asterisk"));
                            return;
                        }
                        if (line.equals("HANGUP")) {
                            hungUp = true;
                        } else {
                            batch.add(line);
                        }
                    } while (in.available() > 0 && batch.size() < MAX_UNREAD_LINES);
                    if (replies.size() + batch.size() > MAX_UNREAD_LINES) {
                        log.warn("cut off {}: more than {} lines nobody asked for", peer, MAX_UNREAD_LINES);
                        replies.offer(new End("flooded"));
                        close();
                        return;
                    }
                    publish(batch);
                }
            } catch (LineTooLong e) {
                log.warn("cut off {}: sent {}", peer, e.getMessage());
                replies.offer(new End("line too long"));
                close();
            } catch (IOException e) {
                replies.offer(new End(closed ? "closed" : "read failed: " + e.getMessage()));
            } finally {
                MDC.remove("call");
            }
        });
    }

    private void publish(List<String> batch) {
        batch.forEach(line -> replies.offer(new Line(line)));
        batch.clear();
    }

    /** True once Asterisk has said HANGUP: the caller is gone. */
    boolean hungUp() {
        return hungUp;
    }

    boolean closed() {
        return closed;
    }

    /** Lets the next command through after a hang-up; only for reads Asterisk allows on dead channels. */
    void allowOneCommandAfterHangup() {
        oneAfterHangup = true;
    }

    /** The next reply may take this much longer than agi.reply-timeout (a queue's own wait). */
    void allowExtraReplyTime(Duration extra) {
        extraReplyTime = extra;
    }

    @Override
    public String readLine() throws IOException {
        if (headerReplayed < header.size()) {
            return header.get(headerReplayed++);
        }
        if (headerReplayed == header.size()) {
            headerReplayed++;
            return "";
        }
        Duration wait = limits.replyTimeout().plus(extraReplyTime);
        Item item;
        try {
            item = replies.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Asterisk");
        }
        extraReplyTime = Duration.ZERO;
        return switch (item) {
            case null -> {
                log.warn("no reply from Asterisk {} within {} s; ending the call", peer, wait.toSeconds());
                close();
                yield null;
            }
            case Line(String text) -> checkedReply(text);
            case End(String why) -> {
                replies.offerFirst(item); // every later read sees the end too
                yield null;
            }
        };
    }

    private String checkedReply(String text) throws IOException {
        if (inUsageBlock) {
            inUsageBlock = !text.startsWith("520 ");
            return text;
        }
        if (!REPLY_LINE.matcher(text).matches()) {
            log.warn("cut off {}: sent {} where an AGI reply belongs", peer, printable(text));
            close();
            return null;
        }
        inUsageBlock = text.startsWith("520-");
        return text;
    }

    @Override
    public void write(String s) throws IOException {
        // One command per line: a line break inside would smuggle in a second command.
        int nl = s.indexOf('\n');
        if (nl != s.length() - 1 || s.indexOf('\r') >= 0) {
            throw new IOException("refusing to send a command with a line break inside it");
        }
        boolean allowed = oneAfterHangup;
        oneAfterHangup = false;
        if (closed || hungUp && !allowed) {
            // Answer as Asterisk would, without touching the dead channel.
            replies.offerFirst(new Line(DEAD_CHANNEL_REPLY));
            return;
        }
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void flush() {
        // write() flushes: each command is one line, sent whole.
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public boolean isConnected() {
        return !closed && socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }

    /** Reads one line of at most agi.max-line-bytes; null at end of stream. */
    private String readLine(long deadlineNanos) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(80);
        while (true) {
            if (deadlineNanos != Long.MAX_VALUE) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (left <= 0) {
                    throw new SocketTimeoutException("did not finish its header within "
                            + limits.headerTimeout().toMillis() + " ms");
                }
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            }
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("did not finish its header within "
                        + limits.headerTimeout().toMillis() + " ms");
            }
            if (b < 0) {
                return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                String line = buf.toString(StandardCharsets.UTF_8);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            }
            if (buf.size() >= limits.maxLineBytes()) {
                throw new LineTooLong(limits.maxLineBytes());
            }
            buf.write(b);
        }
    }

    private static String printable(String line) {
        String cut = line.length() > 60 ? line.substring(0, 60) + "..." : line;
        return "'" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
