package org.onecall.emulator;

import java.util.Objects;

/**
 * Where in the dialplan the AGI() call sits: it shows in the agi_context, agi_priority and agi_accountcode
 * header lines. The default is the traces' {@code [ivr]} context with Answer() at priority 1 and AGI() at 2.
 */
public record Dialplan(String context, int priority, String accountCode) {
    public static final Dialplan DEFAULT = new Dialplan("ivr", 2, "");

    public Dialplan {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(accountCode, "accountCode");
        if (context.isBlank()) {
            throw new IllegalArgumentException("dialplan context must not be blank");
        }
        if (priority < 1) {
            throw new IllegalArgumentException("dialplan priority starts at 1, got " + priority);
        }
    }
}
