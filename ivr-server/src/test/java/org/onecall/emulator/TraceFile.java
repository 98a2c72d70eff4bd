package org.onecall.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One recording in shared/asterisk-agi-traces: what Asterisk sent, what the listener sent, and notes. */
record TraceFile(String name, List<TraceFile.Entry> entries) {

    sealed interface Entry {
        /** A line Asterisk sent ("<<"). */
        record FromAsterisk(String line) implements Entry {}

        /** A line the listener sent (">>"). */
        record FromListener(String line) implements Entry {}

        /** The listener shut its sending side down. */
        record HalfClose() implements Entry {}

        /** Asterisk closed the connection. */
        record EndOfStream() implements Entry {}

        /** A verbose line of the dialplan after AGI() returned. */
        record Dialplan(String text) implements Entry {}
    }

    private static final Pattern LINE = Pattern.compile("^\\[\\+\\d+\\.\\d+] (<<|>>|--)(?: (.*))?$");
    private static final Pattern RETURNING = Pattern.compile("AGI Script .* completed, returning (-?\\d+)");
    private static final Pattern AGISTATUS = Pattern.compile("AGISTATUS=(\\w*)");
    private static final Pattern QUEUESTATUS = Pattern.compile("QUEUESTATUS=(\\w*)");

    static TraceFile read(Path path) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String raw : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            String text = m.group(2) == null ? "" : m.group(2);
            entries.add(switch (m.group(1)) {
                case "<<" -> text.equals("<EOF>") ? new Entry.EndOfStream() : new Entry.FromAsterisk(text);
                case ">>" -> new Entry.FromListener(text);
                default -> text.startsWith("(dialplan)")
                        ? new Entry.Dialplan(text.substring("(dialplan)".length()).strip())
                        : new Entry.HalfClose();
            });
        }
        return new TraceFile(path.getFileName().toString(), List.copyOf(entries));
    }

    /** The agi_ header lines as name -> value, in order. */
    Map<String, String> header() {
        Map<String, String> header = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e instanceof Entry.FromAsterisk(String line)) {
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(": ");
                header.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return header;
    }

    /**
     * The AGISTATUS the dialplan saw, when the recording has the dialplan's log: printed by its NoOp, or
     * else read from run_agi's "returning N" (AGI_RESULT_FAILURE -1, SUCCESS 0, HANGUP 4).
     */
    Optional<String> agiStatus() {
        Optional<String> printed = firstInDialplan(AGISTATUS);
        if (printed.isPresent()) {
            return printed;
        }
        return firstInDialplan(RETURNING).flatMap(code -> switch (code) {
            case "-1" -> Optional.of("FAILURE");
            case "0" -> Optional.of("SUCCESS");
            case "4" -> Optional.of("HANGUP");
            default -> Optional.empty();
        });
    }

    /** QUEUESTATUS as the dialplan printed it after AGI() ("" when unset), if it did. */
    Optional<String> queueStatusAfter() {
        return firstInDialplan(QUEUESTATUS);
    }

    private Optional<String> firstInDialplan(Pattern pattern) {
        for (Entry e : entries) {
            if (e instanceof Entry.Dialplan(String text)) {
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
