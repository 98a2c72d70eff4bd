package org.onecall.emulator;

/** How Asterisk's {@code ast_readstring} turns the keys a caller presses into GET DATA's digits. */
final class Keypad {

    /** The digits the server gets, and whether the read ended by the inter-digit timeout. */
    record Reading(String digits, boolean timedOut) {}

    private Keypad() {
    }

    /**
     * '#' ends the read and is not part of the digits; reaching {@code max} digits ends it too; keys left
     * over are lost. Running out of keys means the caller stopped pressing: the timeout.
     */
    static Reading read(String keys, long max) {
        StringBuilder digits = new StringBuilder();
        for (char c : keys.toCharArray()) {
            if (c == '#') {
                return new Reading(digits.toString(), false);
            }
            digits.append(c);
            if (digits.length() >= max) {
                return new Reading(digits.toString(), false);
            }
        }
        return new Reading(digits.toString(), true);
    }
}
