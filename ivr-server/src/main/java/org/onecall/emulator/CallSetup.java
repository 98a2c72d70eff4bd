package org.onecall.emulator;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything Asterisk knows about a call before it connects to the FastAGI server: what goes into the
 * agi_ header, plus the scripted caller.
 *
 * @param script     the part of the AGI URL after host:port, e.g. {@code ivr?lang=en}
 * @param to         the dialed number: agi_dnid on a PJSIP channel, and agi_extension unless the dialplan
 *                   runs AGI() in another extension
 * @param from       the caller's number, {@code unknown} (or blank) when the call has no caller id
 * @param callerName the caller's name, {@code unknown} (or blank) when there is none
 * @param channel    the channel name; its technology (before the '/') is agi_type
 * @param args       the AGI() arguments after the URL, sent as agi_arg_1, agi_arg_2, ...
 * @param dialplan   context, priority and account code of the AGI() call
 */
public record CallSetup(String script, String to, String from, String callerName, String uniqueId,
                        String channel, String language, List<String> args, CallerScript caller,
                        Dialplan dialplan) {

    /** What {@code from} and {@code callerName} hold when the call carries no caller id, as in agi_callerid. */
    public static final String UNKNOWN = "unknown";

    /**
     * Asterisk's unique ids are "epoch.sequence": the second Asterisk started and a counter. Taking
     * this process's start the same way keeps ids from two runs of ./onecall call apart.
     */
    private static final String UNIQUE_ID_EPOCH = Long.toString(System.currentTimeMillis() / 1000);
    /** Two ./onecall call processes started in the same second must not reuse an id: the pid tells them apart. */
    private static final long SEQUENCE_BASE = ProcessHandle.current().pid() % 100_000 * 100_000;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    public CallSetup {
        requireText(to, "to (the dialed number)");
        requireText(uniqueId, "uniqueId");
        requireText(channel, "channel");
        requireText(language, "language");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(dialplan, "dialplan");
        if (!channel.contains("/")) {
            throw new IllegalArgumentException("channel '" + channel + "' must look like TECH/name, e.g. PJSIP/caller-00000001");
        }
        args = List.copyOf(args);
        for (String s : List.of(script, to, from, callerName, uniqueId, channel, language)) {
            if (s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header values cannot contain a line break: '" + s + "'");
            }
        }
    }

    /** The shape the API started with; the dialplan position is the default one. */
    public CallSetup(String script, String to, String from, String callerName, String uniqueId, String channel,
                     String language, List<String> args, CallerScript caller) {
        this(script, to, from, callerName, uniqueId, channel, language, args, caller, Dialplan.DEFAULT);
    }

    /** A call to {@code dialed} from a caller without caller id who presses nothing, on a fresh PJSIP channel. */
    public static CallSetup to(String dialed) {
        long n = SEQUENCE.incrementAndGet();
        return new CallSetup(dialed, dialed, UNKNOWN, UNKNOWN, UNIQUE_ID_EPOCH + "." + (SEQUENCE_BASE + n),
                "PJSIP/caller-%08x".formatted(n), "en", List.of(), CallerScript.silent(), Dialplan.DEFAULT);
    }

    public CallSetup withScript(String s) {
        return new CallSetup(s, to, from, callerName, uniqueId, channel, language, args, caller, dialplan);
    }

    public CallSetup withTo(String dialed) {
        return new CallSetup(script, dialed, from, callerName, uniqueId, channel, language, args, caller, dialplan);
    }

    public CallSetup withFrom(String number) {
        return new CallSetup(script, to, number, callerName, uniqueId, channel, language, args, caller, dialplan);
    }

    public CallSetup withCallerName(String name) {
        return new CallSetup(script, to, from, name, uniqueId, channel, language, args, caller, dialplan);
    }

    public CallSetup withUniqueId(String id) {
        return new CallSetup(script, to, from, callerName, id, channel, language, args, caller, dialplan);
    }

    public CallSetup withChannel(String name) {
        return new CallSetup(script, to, from, callerName, uniqueId, name, language, args, caller, dialplan);
    }

    public CallSetup withLanguage(String lang) {
        return new CallSetup(script, to, from, callerName, uniqueId, channel, lang, args, caller, dialplan);
    }

    public CallSetup withArgs(List<String> arguments) {
        return new CallSetup(script, to, from, callerName, uniqueId, channel, language, arguments, caller, dialplan);
    }

    public CallSetup withCaller(CallerScript script) {
        return new CallSetup(this.script, to, from, callerName, uniqueId, channel, language, args, script, dialplan);
    }

    public CallSetup withDialplan(Dialplan position) {
        return new CallSetup(script, to, from, callerName, uniqueId, channel, language, args, caller, position);
    }

    /** The channel technology Asterisk reports as agi_type: PJSIP, Local, ... */
    String technology() {
        return channel.substring(0, channel.indexOf('/'));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
