package org.onecall.emulator;

import java.util.Optional;

/**
 * The caller id of the channel, each half valid or not, as Asterisk keeps it. The CALLERID() function and
 * SET CALLERID go through {@link #parse} and {@link #merged}, which copy {@code ast_callerid_parse} and
 * {@code ast_callerid_merge}: that is where the quirk in timeouts.txt comes from ({@code SET CALLERID
 * "Agi Set" <999>} only sees the quoted word, so the number becomes empty).
 */
record CallerId(Optional<String> number, Optional<String> name) {

    static CallerId of(String number, String name) {
        return new CallerId(present(number), present(name));
    }

    /** "Name" &lt;number&gt;, or just one half, or "" when the call has no caller id. */
    String merged() {
        if (name.isPresent() && number.isPresent()) {
            return "\"" + name.get().replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + number.get() + ">";
        }
        return name.or(() -> number).orElse("");
    }

    /** SET CALLERID and CALLERID(all)=...: both halves become valid, empty when not given. */
    static CallerId parse(String text) {
        String input = text.strip();
        String unquoted = stripQuoted(input);
        boolean quotesStripped = !unquoted.equals(input);
        int lt = unquoted.lastIndexOf('<');
        if (lt >= 0) {
            int gt = unquoted.lastIndexOf('>');
            String location = gt > lt ? unquoted.substring(lt + 1, gt) : unquoted.substring(lt + 1);
            String name = unescape(stripQuoted(unquoted.substring(0, lt)));
            return new CallerId(Optional.of(shrink(location)), Optional.of(name));
        }
        String shrunk = shrink(unquoted);
        if (!quotesStripped && !shrunk.isEmpty() && shrunk.chars().allMatch(c -> "0123456789*#+".indexOf(c) >= 0)) {
            return new CallerId(Optional.of(shrunk), Optional.of(""));
        }
        return new CallerId(Optional.of(""), Optional.of(unescape(stripQuoted(unquoted))));
    }

    CallerId withNumber(String n) {
        return new CallerId(Optional.of(n), name);
    }

    CallerId withName(String n) {
        return new CallerId(number, Optional.of(n));
    }

    /** agi_callingpres: 0 (allowed, not screened) with any caller id, 67 (number not available) without. */
    int presentation() {
        return number.isPresent() || name.isPresent() ? 0 : 67;
    }

    private static Optional<String> present(String value) {
        return value.isBlank() || value.equals(CallSetup.UNKNOWN) ? Optional.empty() : Optional.of(value);
    }

    private static String stripQuoted(String s) {
        String t = s.strip();
        return t.length() > 1 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** {@code ast_shrink_phone_number}: drops blanks, parentheses, dashes outside brackets, inner dots. */
    private static String shrink(String n) {
        StringBuilder out = new StringBuilder();
        int bracketed = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            switch (c) {
                case '[' -> {
                    bracketed++;
                    out.append(c);
                }
                case ']' -> {
                    bracketed--;
                    out.append(c);
                }
                case '-' -> {
                    if (bracketed > 0) {
                        out.append(c);
                    }
                }
                case '.' -> {
                    if (i == n.length() - 1) {
                        out.append(c);
                    }
                }
                case '(', ' ', ')' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
