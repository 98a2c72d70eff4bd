package org.onecall.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes what GET VARIABLE, GET FULL VARIABLE, SET VARIABLE and EXEC Set reach: channel
 * variables, Asterisk's built-in variables, and the dialplan functions an IVR uses (CHANNEL, CALLERID,
 * QUEUE_MEMBER, QUEUE_WAITING_COUNT, DB, DB_EXISTS, LEN). Other functions read as "not found".
 */
final class VariableSpace implements Expander.Lookup {
    private final Channel channel;
    private final QueueFloor queues;
    private final AstDb db;
    private final TranscriptLog log;

    VariableSpace(Channel channel, QueueFloor queues, AstDb db, TranscriptLog log) {
        this.channel = channel;
        this.queues = queues;
        this.db = db;
        this.log = log;
    }

    /** GET VARIABLE: a name ending in ')' is a function call, anything else a variable. */
    Optional<String> get(String name) {
        return name.endsWith(")") ? function(name) : variable(name);
    }

    String expand(String template) {
        return Expander.expand(template, this);
    }

    @Override
    public Optional<String> variable(String name) {
        return builtin(name).or(() -> channel.variable(name));
    }

    @Override
    public Optional<String> function(String expression) {
        int open = expression.indexOf('(');
        int close = expression.lastIndexOf(')');
        if (open <= 0 || close < open) {
            return Optional.empty();
        }
        String name = expression.substring(0, open).toUpperCase(Locale.ROOT);
        String args = expression.substring(open + 1, close);
        List<String> parts = List.of(args.split(",", -1));
        return switch (name) {
            case "CHANNEL" -> channelItem(args.strip());
            case "CALLERID" -> callerIdItem(args.strip());
            case "QUEUE_MEMBER" -> queueMember(parts);
            case "QUEUE_WAITING_COUNT" -> Optional.of(String.valueOf(queues.waiting(args.strip())));
            case "DB" -> dbPath(args).flatMap(p -> db.get(p[0], p[1]));
            case "DB_EXISTS" -> dbPath(args).map(p -> db.get(p[0], p[1]).isPresent() ? "1" : "0");
            case "LEN" -> Optional.of(String.valueOf(args.length()));
            default -> Optional.empty();
        };
    }

    /** SET VARIABLE and EXEC Set: a function name writes through the function, like Asterisk does. */
    void assign(String name, String value) {
        if (name.endsWith(")")) {
            writeFunction(name, value);
        } else {
            // "_X" and "__X" are X, inherited by the channels this one creates (a queue member's):
            // Asterisk reads them back by the bare name.
            name = name.startsWith("__") ? name.substring(2) : name.startsWith("_") ? name.substring(1) : name;
            channel.set(name, value);
        }
        log.add(new Event.VariableSet(name, value));
    }

    private Optional<String> builtin(String name) {
        return switch (name) {
            case "CHANNEL" -> Optional.of(channel.name());
            case "UNIQUEID" -> Optional.of(channel.uniqueId());
            case "EXTEN" -> Optional.of(channel.extension());
            case "CONTEXT" -> Optional.of(channel.context());
            case "PRIORITY" -> Optional.of(String.valueOf(channel.priority()));
            case "CALLINGPRES" -> Optional.of(String.valueOf(channel.callerId().presentation()));
            case "CALLINGANI2", "CALLINGTON", "CALLINGTNS" -> Optional.of("0");
            default -> Optional.empty();
        };
    }

    private Optional<String> channelItem(String item) {
        return switch (item.toLowerCase(Locale.ROOT)) {
            // Asterisk keeps reporting Up after the caller hung up (hangup-timing.txt).
            case "state" -> Optional.of("Up");
            case "name" -> Optional.of(channel.name());
            case "language" -> Optional.of(channel.language());
            case "uniqueid" -> Optional.of(channel.uniqueId());
            case "channeltype" -> Optional.of(channel.technology());
            case "context" -> Optional.of(channel.context());
            case "exten" -> Optional.of(channel.extension());
            case "musicclass" -> Optional.of("");
            default -> Optional.empty();
        };
    }

    private Optional<String> callerIdItem(String item) {
        CallerId id = channel.callerId();
        return switch (item.toLowerCase(Locale.ROOT)) {
            case "num", "number" -> Optional.of(id.number().orElse(""));
            case "name" -> Optional.of(id.name().orElse(""));
            case "all" -> Optional.of(id.merged());
            default -> Optional.empty();
        };
    }

    private Optional<String> queueMember(List<String> parts) {
        if (parts.size() < 2 || parts.getFirst().isBlank()) {
            return Optional.empty();
        }
        String queue = parts.get(0).strip();
        return switch (parts.get(1).strip().toLowerCase(Locale.ROOT)) {
            case "logged", "count" -> Optional.of(String.valueOf(queues.members(queue)));
            case "ready", "free" -> Optional.of(String.valueOf(queues.ready(queue)));
            default -> Optional.empty();
        };
    }

    private void writeFunction(String expression, String value) {
        int open = expression.indexOf('(');
        String name = expression.substring(0, Math.max(open, 0)).toUpperCase(Locale.ROOT);
        String args = open < 0 ? "" : expression.substring(open + 1, expression.length() - 1).strip();
        switch (name) {
            case "CHANNEL" -> {
                if (args.equalsIgnoreCase("language")) {
                    channel.language(value);
                }
            }
            case "CALLERID" -> {
                switch (args.toLowerCase(Locale.ROOT)) {
                    case "num", "number" -> channel.callerId(channel.callerId().withNumber(value));
                    case "name" -> channel.callerId(channel.callerId().withName(value));
                    case "all" -> channel.callerId(CallerId.parse(value));
                    default -> {
                        // Asterisk logs "Unknown callerid data type" and changes nothing.
                    }
                }
            }
            case "DB" -> dbPath(args).ifPresent(p -> db.put(p[0], p[1], value));
            default -> {
                // Asterisk logs "Function not registered" and the command still answers 200 result=1.
            }
        }
    }

    private static Optional<String[]> dbPath(String args) {
        int slash = args.indexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(new String[] {args.substring(0, slash), args.substring(slash + 1)});
    }
}
