package org.onecall.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a server that sends fixed commands, and ways to read a transcript's wire. */
final class Calls {
    private Calls() {
    }

    /** Calls a server that sends these commands one by one (reading each reply), then closes. */
    static Transcript place(CallSetup setup, String... commands) throws Exception {
        try (FastAgiTestServer server = FastAgiTestServer.start(sending(commands))) {
            return new AsteriskEmulator(server.address(), Duration.ofSeconds(5)).call(setup);
        }
    }

    static Transcript place(CallerScript caller, String... commands) throws Exception {
        return place(CallSetup.to("311").withCaller(caller), commands);
    }

    static FastAgiTestServer.Script sending(String... commands) {
        return conversation -> {
            conversation.header();
            for (String command : commands) {
                conversation.command(command);
            }
            conversation.closeAndDrain();
        };
    }

    /** The lines the emulator sent after the server first sent {@code command}, up to the next command. */
    static List<String> answerTo(Transcript t, String command) {
        List<String> answer = new ArrayList<>();
        boolean inside = false;
        for (String line : t.wire()) {
            if (line.startsWith(">> ")) {
                if (inside) {
                    break;
                }
                inside = line.equals(">> " + command);
            } else if (inside) {
                answer.add(line.substring(3));
            }
        }
        return answer;
    }

    /** The first reply line to {@code command}, skipping a HANGUP announced in front of it. */
    static String replyTo(Transcript t, String command) {
        return answerTo(t, command).stream().filter(l -> !l.equals("HANGUP")).findFirst().orElse("<no reply>");
    }

    /** Every line the emulator sent after the server closed (the last command's answer included). */
    static List<String> sentAtTheEnd(Transcript t) {
        List<String> tail = new ArrayList<>();
        for (String line : t.wire()) {
            if (line.startsWith(">> ")) {
                tail.clear();
            } else {
                tail.add(line.substring(3));
            }
        }
        return tail;
    }
}
