package org.onecall.emulator;

import java.util.OptionalLong;

/**
 * The C number parsing Asterisk's command handlers use. It decides between a reply and a 520 usage block,
 * so it must be as lenient as C: {@code sscanf("%d")} accepts leading blanks, a sign and trailing junk
 * ("12abc" is 12), {@code atoi} turns anything unparsable into 0.
 */
final class CNumbers {
    private CNumbers() {
    }

    /** {@code sscanf(s, "%d", &n) == 1}: the leading integer, or empty when there is none. */
    static OptionalLong scan(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digitsStart = i;
        while (i < s.length() && i - digitsStart < 18 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digitsStart) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s.substring(start, i)));
    }

    /** {@code sscanf(s, "%lf")} succeeds: a leading decimal number. */
    static boolean scansAsDecimal(String s) {
        return s.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?.*");
    }

    /** {@code atoi(s)}: the leading integer, 0 when there is none. */
    static long atoi(String s) {
        return scan(s).orElse(0);
    }
}
