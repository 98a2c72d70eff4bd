package org.onecall.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a line Asterisk sent comparable across runs: it blanks what depends on the machine or on real
 * elapsed time, and nothing else. Use one per side (recording, emulator): it remembers recorded files so a
 * later STREAM FILE of one must report the length that side's RECORD FILE reported.
 *
 * <ul>
 *   <li>agi_request's host:port and agi_threadid;
 *   <li>endpos of a prompt cut short (by a key or a hang-up): where the caller was when it happened;
 *   <li>RECORD FILE's time left and length: how long the caller spoke;
 *   <li>ANSWEREDTIME in GET FULL VARIABLE: how long the agent talked.
 * </ul>
 */
final class TraceNormaliser {
    private static final Pattern PLAYED = Pattern.compile("^200 result=(-?\\d+) endpos=(\\d+)$");
    private static final Pattern RECORDED = Pattern.compile("^200 result=(-?\\d+) \\((\\w+)\\) endpos=(\\d+)$");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, String> recordedLengths = new HashMap<>();

    String normalise(String line, String lastCommand) {
        if (line.startsWith("agi_request: ")) {
            return line.replaceFirst("agi://[^/]*/", "agi://<server>/");
        }
        if (line.startsWith("agi_threadid: ")) {
            return "agi_threadid: <thread>";
        }
        List<String> argv = AgiArgs.parse(lastCommand);
        Optional<AgiCommand> command = AgiCommand.find(argv);
        if (command.isEmpty()) {
            return line;
        }
        return switch (command.get()) {
            case STREAM_FILE, GET_OPTION -> played(line, argv);
            case RECORD_FILE -> recorded(line, argv);
            case GET_FULL_VARIABLE -> argv.size() > 3 ? answeredTime(line, argv.get(3)) : line;
            default -> line;
        };
    }

    private String played(String line, List<String> argv) {
        Matcher m = PLAYED.matcher(line);
        if (!m.matches()) {
            return line;
        }
        String file = argv.size() > 2 ? argv.get(2) : "";
        if (m.group(2).equals(recordedLengths.get(file))) {
            return "200 result=" + m.group(1) + " endpos=<recorded length>";
        }
        boolean cutShort = !m.group(1).equals("0") && !m.group(2).equals("0");
        return cutShort ? "200 result=" + m.group(1) + " endpos=<partial>" : line;
    }

    private String recorded(String line, List<String> argv) {
        Matcher m = RECORDED.matcher(line);
        if (!m.matches() || argv.size() < 3) {
            return line;
        }
        recordedLengths.put(argv.get(2), m.group(3));
        String result = m.group(2).equals("timeout") ? "<time left>" : m.group(1);
        return "200 result=" + result + " (" + m.group(2) + ") endpos=<recorded length>";
    }

    /** Blanks the ANSWEREDTIME part of "200 result=1 (...)" by matching the expression's shape. */
    private static String answeredTime(String line, String expression) {
        if (!expression.contains("${ANSWEREDTIME}")) {
            return line;
        }
        StringBuilder regex = new StringBuilder("^200 result=1 \\(");
        List<Boolean> isTime = new ArrayList<>();
        Matcher ref = REFERENCE.matcher(expression);
        int last = 0;
        while (ref.find()) {
            regex.append(Pattern.quote(expression.substring(last, ref.start()))).append("(.*?)");
            isTime.add(ref.group(1).equals("ANSWEREDTIME"));
            last = ref.end();
        }
        regex.append(Pattern.quote(expression.substring(last))).append("\\)$");
        Matcher m = Pattern.compile(regex.toString()).matcher(line);
        if (!m.matches()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line);
        for (int g = isTime.size(); g >= 1; g--) {
            if (isTime.get(g - 1)) {
                out.replace(m.start(g), m.end(g), "<answered time>");
            }
        }
        return out.toString();
    }
}
