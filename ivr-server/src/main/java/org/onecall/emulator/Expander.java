package org.onecall.emulator;

import java.util.Optional;

/**
 * Asterisk's {@code ast_str_substitute_variables}: replaces {@code ${VAR}}, {@code ${FUNC(args)}} and
 * {@code ${VAR:offset:length}} (nested references are expanded first). Unknown names become "".
 * {@code $[...]} expressions are not evaluated: their contents are expanded and kept as they are.
 */
final class Expander {

    /** Where names are resolved: channel variables and built-ins, and dialplan functions. */
    interface Lookup {
        Optional<String> variable(String name);

        Optional<String> function(String expression);
    }

    private Expander() {
    }

    static String expand(String template, Lookup lookup) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0 || dollar + 1 >= template.length()) {
                out.append(template, i, template.length());
                break;
            }
            char kind = template.charAt(dollar + 1);
            if (kind != '{' && kind != '[') {
                out.append(template, i, dollar + 1);
                i = dollar + 1;
                continue;
            }
            out.append(template, i, dollar);
            int end = closing(template, dollar + 2, kind);
            String inner = template.substring(dollar + 2, Math.min(end, template.length()));
            i = Math.min(end + 1, template.length());
            String name = inner.contains("$") ? expand(inner, lookup) : inner;
            if (kind == '[') {
                out.append("$[").append(name).append(']');
            } else {
                out.append(resolve(name, lookup));
            }
        }
        return out.toString();
    }

    /** Index of the bracket closing the one opened before {@code from}; the string's length if missing. */
    private static int closing(String s, int from, char kind) {
        char open = kind == '{' ? '{' : '[';
        char close = kind == '{' ? '}' : ']';
        int depth = 1;
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return j;
            }
        }
        return s.length();
    }

    private static String resolve(String name, Lookup lookup) {
        int parens = 0;
        boolean function = false;
        for (int j = 0; j < name.length(); j++) {
            char c = name.charAt(j);
            if (c == '(') {
                function = true;
                parens++;
            } else if (c == ')') {
                parens--;
            } else if (c == ':' && parens == 0) {
                String base = name.substring(0, j);
                String value = function ? lookup.function(base).orElse("") : lookup.variable(base).orElse("");
                return substring(value, name.substring(j + 1));
            }
        }
        return (function ? lookup.function(name) : lookup.variable(name)).orElse("");
    }

    /** {@code ${VAR:offset:length}}: a negative offset counts from the end, a negative length drops the tail. */
    private static String substring(String value, String spec) {
        String[] parts = spec.split(":", 2);
        int offset = (int) CNumbers.atoi(parts[0]);
        int length = parts.length > 1 ? (int) CNumbers.scan(parts[1]).orElse(Integer.MAX_VALUE) : Integer.MAX_VALUE;
        int len = value.length();
        int start = offset < 0 ? Math.max(0, len + offset) : Math.min(offset, len);
        int stop = length < 0 ? Math.max(start, len + length) : (int) Math.min((long) start + length, len);
        return value.substring(start, stop);
    }
}
