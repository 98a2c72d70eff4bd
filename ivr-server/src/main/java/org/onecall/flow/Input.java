package org.onecall.flow;

/** What a caller answered at a prompt. Speech input will add a case here. */
public sealed interface Input {
    /** The caller pressed keys (without the terminating '#'). */
    record Keys(String digits) implements Input {
        public Keys {
            if (digits.isEmpty()) {
                throw new IllegalArgumentException("Keys needs at least one digit; use NoInput");
            }
        }
    }

    /** The caller gave nothing before the timeout. */
    record NoInput() implements Input {
    }
}
