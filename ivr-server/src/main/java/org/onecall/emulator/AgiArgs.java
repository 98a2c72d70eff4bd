package org.onecall.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line exactly like Asterisk's {@code parse_args()}: blanks separate words, double quotes
 * group them and disappear, a backslash makes the next character literal. Quirks are kept on purpose:
 * {@code ""} is an empty word, and a trailing {@code \r} stays part of the last word (so a server that ends
 * lines with CRLF gets {@code 510} from a real Asterisk, and from us).
 */
final class AgiArgs {
    /** Asterisk's MAX_ARGS: words beyond it are dropped with a warning. */
    private static final int MAX_ARGS = 128;

    private AgiArgs() {
    }

    static List<String> parse(String line) {
        List<String> argv = new ArrayList<>();
        StringBuilder current = null;
        boolean quoted = false;
        boolean escaped = false;
        boolean whitespace = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && !escaped) {
                quoted = !quoted;
                if (quoted && whitespace) {
                    current = startWord(argv, current);
                    whitespace = false;
                }
                continue;
            }
            if ((c == ' ' || c == '\t') && !quoted && !escaped) {
                whitespace = true;
                continue;
            }
            if (c == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (whitespace) {
                if (argv.size() + (current == null ? 0 : 1) >= MAX_ARGS - 1) {
                    escaped = false;
                    continue;
                }
                current = startWord(argv, current);
                whitespace = false;
            }
            current.append(c);
            escaped = false;
        }
        if (current != null) {
            argv.add(current.toString());
        }
        return argv;
    }

    private static StringBuilder startWord(List<String> argv, StringBuilder current) {
        if (current != null) {
            argv.add(current.toString());
        }
        return new StringBuilder();
    }
}
