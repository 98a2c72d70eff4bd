package org.onecall.config;

/**
 * Where a menu choice leads. Written in center files as "menu:trash", "topic:pothole",
 * "language:es", "city:goyang", "info:hours", "collect:request-number", or one word: agent,
 * interpreter, emergency, goodbye.
 */
public sealed interface Target {
    record ToMenu(String menu) implements Target {
    }

    record SetLanguage(String language) implements Target {
    }

    record SetCity(String city) implements Target {
    }

    /** An agent for this topic: the router picks the desk. */
    record ToTopic(String topic) implements Target {
    }

    record ToInfo(String info) implements Target {
    }

    record ToCollect(String collect) implements Target {
    }

    /** A person now, for whatever topic is known so far. */
    record Agent() implements Target {
    }

    /** Callers whose language the center does not serve: agents with the interpretation line. */
    record Interpreter() implements Target {
    }

    /** Back to the dialplan for the emergency number. */
    record Emergency() implements Target {
    }

    record Goodbye() implements Target {
    }

    /** After a message or a collection: the menu the caller came from. */
    record Back() implements Target {
    }

    static Target parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0) {
            return switch (t) {
                case "agent" -> new Agent();
                case "interpreter" -> new Interpreter();
                case "emergency" -> new Emergency();
                case "goodbye" -> new Goodbye();
                case "back" -> new Back();
                default -> throw new IllegalArgumentException("'" + text + "' is not a target; write menu:<id>, "
                        + "topic:<id>, language:<code>, city:<id>, info:<id>, collect:<id>, agent, interpreter, "
                        + "emergency, goodbye or back");
            };
        }
        String kind = t.substring(0, colon);
        String id = t.substring(colon + 1).strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no " + kind);
        }
        return switch (kind) {
            case "menu" -> new ToMenu(id);
            case "language" -> new SetLanguage(id);
            case "city" -> new SetCity(id);
            case "topic" -> new ToTopic(id);
            case "info" -> new ToInfo(id);
            case "collect" -> new ToCollect(id);
            default -> throw new IllegalArgumentException("'" + text + "': '" + kind + "' is not a kind of target; "
                    + "use menu, topic, language, city, info or collect");
        };
    }

    /** As written in center files. */
    static String format(Target t) {
        return switch (t) {
            case ToMenu(String m) -> "menu:" + m;
            case SetLanguage(String l) -> "language:" + l;
            case SetCity(String c) -> "city:" + c;
            case ToTopic(String topic) -> "topic:" + topic;
            case ToInfo(String i) -> "info:" + i;
            case ToCollect(String c) -> "collect:" + c;
            case Agent() -> "agent";
            case Interpreter() -> "interpreter";
            case Emergency() -> "emergency";
            case Goodbye() -> "goodbye";
            case Back() -> "back";
        };
    }
}
