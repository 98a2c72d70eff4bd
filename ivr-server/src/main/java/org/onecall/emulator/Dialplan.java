package org.onecall.emulator;

import java.util.Objects;
import java.util.Optional;

/**
 * Where in the dialplan the AGI() call sits: it shows in the agi_context, agi_extension, agi_priority and
 * agi_accountcode header lines. The default is the traces' {@code [ivr]} context with Answer() at priority 1
 * and AGI() at 2, in the dialed number's own extension.
 *
 * @param extension the extension that runs AGI(); empty: the dialed number
 */
public record Dialplan(String context, Optional<String> extension, int priority, String accountCode) {
    public static final Dialplan DEFAULT = new Dialplan("ivr", 2, "");

    /**
     * The shipped dialplans/extensions_onecall.conf: [onecall-inbound] puts the dialed number in the script
     * path and jumps to onecall-agi,s,1, where AGI() is priority 4. Asterisk then reports extension s, and
     * on a Local channel (a transfer) no agi_dnid: the number is only in the script path.
     */
    public static final Dialplan SHIPPED = new Dialplan("onecall-agi", Optional.of("s"), 4, "");

    public Dialplan {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(accountCode, "accountCode");
        if (context.isBlank()) {
            throw new IllegalArgumentException("dialplan context must not be blank");
        }
        if (extension.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("dialplan extension must not be blank");
        }
        if (priority < 1) {
            throw new IllegalArgumentException("dialplan priority starts at 1, got " + priority);
        }
    }

    /** AGI() in the dialed number's own extension. */
    public Dialplan(String context, int priority, String accountCode) {
        this(context, Optional.empty(), priority, accountCode);
    }
}
