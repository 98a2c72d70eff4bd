package org.onecall.emulator;

import java.util.StringJoiner;

/** Renders a {@link Transcript} for the terminal: one line per event, then route and outcome. */
final class TranscriptText {
    private TranscriptText() {
    }

    static String render(Transcript t) {
        StringJoiner out = new StringJoiner("\n", "", "\n");
        for (Event event : t.events()) {
            out.add(line(event));
        }
        out.add(t.route()
                .map(r -> "route    queue=%s language=%s topic=%s".formatted(r.queue(), r.language(),
                        r.topicIfSet().orElse("-")))
                .orElse("route    none (the server queued no call)"));
        out.add("outcome  %s (AGISTATUS=%s)".formatted(t.outcome(), t.agiStatus()));
        return out.toString();
    }

    private static String line(Event event) {
        return switch (event) {
            case Event.Heard h -> step(h.step()) + "hears " + h.prompt() + switch (h.ending()) {
                case PLAYED -> "";
                case INTERRUPTED_BY_KEY -> " (interrupted by a key)";
                case CUT_OFF_BY_HANGUP -> " (cut off: the caller hung up)";
            };
            case Event.MissingPrompt m -> step(m.step()) + "prompt " + m.prompt() + " is missing on this Asterisk"
                    + (m.prompt().contains("&") ? " (only EXEC Playback/Background play &-joined lists)" : "");
            case Event.Entered e -> step(e.step()) + e.command() + " got "
                    + (e.digits().isEmpty() ? "no digits" : e.digits()) + (e.timedOut() ? " (timeout)" : "");
            case Event.Said s -> step(s.step()) + "hears " + s.what();
            case Event.Recorded r -> step(r.step()) + "recorded into " + r.file() + " (" + r.samples() + " samples)";
            case Event.Queued q -> step(q.step()) + "queued in " + q.queue() + ": " + q.result();
            case Event.VariableSet v -> "         set " + v.name() + " = " + v.value();
            case Event.Logged l -> "         server log: " + l.message();
            case Event.CallerHungUp c -> step(c.step()) + "the caller hangs up"
                    + (c.moment() == Hangup.Moment.DURING ? " during this step" : "");
            case Event.ServerHungUp s -> "         the server hangs up";
            case Event.Refused r -> "         refused " + r.command() + ": " + r.reply();
            case Event.Note n -> "         note: " + n.text();
            case Event.Ended e -> "         " + e.detail();
        };
    }

    private static String step(int step) {
        return step == 0 ? "         " : "step %-3d ".formatted(step);
    }
}
