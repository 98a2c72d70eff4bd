package org.onecall.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dialplan applications EXEC can run. Playback, Background and Queue are caller steps; the others are
 * the bookkeeping an IVR does. An application this emulator does not know answers -2, as Asterisk does
 * for one it has not loaded.
 */
final class Applications {
    /** How long the agent talks to the caller when a queue call is answered (ANSWEREDTIME). */
    static final int AGENT_TALK_SECONDS = 4;

    private final CallContext call;

    Applications(CallContext call) {
        this.call = call;
    }

    /** EXEC app [data]; only argv[2] reaches the application, as in handle_exec. */
    Reply exec(List<String> argv) {
        if (argv.size() < 2) {
            return Reply.usage();
        }
        String app = argv.get(1);
        String raw = argv.size() > 2 ? argv.get(2) : "";
        // With AGIEXECFULL set, Asterisk expands ${...} in the data before running the application.
        String data = isTrue(call.variables.variable("AGIEXECFULL").orElse("")) ? call.variables.expand(raw) : raw;
        return switch (app.toLowerCase(Locale.ROOT)) {
            case "playback" -> playback(data, "PLAYBACKSTATUS", false);
            case "background" -> playback(data, "BACKGROUNDSTATUS", true);
            case "queue" -> queue(data);
            case "answer", "wait", "queuelog", "startmusiconhold", "stopmusiconhold", "progress", "ringing" -> result(0);
            case "noop" -> logged("NoOp: " + data);
            case "verbose" -> logged(data.contains(",") ? data.substring(data.indexOf(',') + 1) : data);
            case "log" -> logged(data);
            case "set" -> set(data);
            case "hangup" -> hangup();
            case "pausequeuemember" -> member("PQMSTATUS", call.queues.pause(queueOf(data)), "PAUSED");
            case "unpausequeuemember" -> member("UPQMSTATUS", call.queues.unpause(queueOf(data)), "UNPAUSED");
            case "addqueuemember" -> {
                call.queues.add(queueOf(data));
                yield member("AQMSTATUS", true, "ADDED");
            }
            case "removequeuemember" -> member("RQMSTATUS", call.queues.remove(queueOf(data)), "REMOVED");
            default -> {
                call.log.add(new Event.Refused("EXEC " + app, "200 result=-2 (no such application on this emulator)"));
                yield result(-2);
            }
        };
    }

    /** Playback and Background split their first argument on '&'; Background stops at a missing file. */
    private Reply playback(String data, String statusVariable, boolean stopAtMissing) {
        if (data.isEmpty()) {
            return result(-1);
        }
        String files = data.contains(",") ? data.substring(0, data.indexOf(',')) : data;
        List<String> prompts = new ArrayList<>();
        for (String f : files.split("&")) {
            if (!f.isBlank()) {
                prompts.add(f.strip());
            }
        }
        if (call.channel.isDead()) {
            // The trace shows a Playback after the hang-up still answering 0: nobody hears it.
            return result(0);
        }
        boolean cut = call.caller.startStep();
        int step = call.caller.step();
        if (cut) {
            if (!prompts.isEmpty()) {
                call.log.heard(step, prompts.getFirst(), Event.Ending.CUT_OFF_BY_HANGUP);
            }
            call.callerHangsUp(Hangup.Moment.DURING);
            return result(-1);
        }
        boolean failed = false;
        for (String prompt : prompts) {
            if (call.isMissing(prompt)) {
                call.log.add(new Event.MissingPrompt(step, prompt));
                failed = true;
                if (stopAtMissing) {
                    break;
                }
            } else {
                call.log.heard(step, prompt, Event.Ending.PLAYED);
            }
        }
        call.channel.set(statusVariable, failed ? "FAILED" : "SUCCESS");
        return result(0);
    }

    /**
     * Queue(queue,options,URL,announce,timeout). The next scripted behaviour decides: an answered call
     * returns -1 (the agent hung up) and leaves QUEUESTATUS alone, unless option 'c' asks to continue;
     * anything else returns 0 with QUEUESTATUS set. See hangup-queue, queue-* traces.
     */
    private Reply queue(String data) {
        String[] args = data.split(",", -1);
        String queue = args[0].strip();
        if (queue.isEmpty()) {
            return result(-1);
        }
        if (call.channel.isDead()) {
            return result(-1);
        }
        boolean cut = call.caller.startStep();
        int step = call.caller.step();
        Route route = routeTo(queue);
        if (cut) {
            call.log.queued(step, queue, QueueBehaviour.CALLER_HANGS_UP, route);
            call.callerHangsUp(Hangup.Moment.DURING);
            return result(-1);
        }
        // The caller waits here, as for an agent, while a test holds the gate.
        call.caller.script().queueGate().ifPresent(QueueGate::enter);
        QueueBehaviour behaviour = call.caller.nextQueue();
        call.log.queued(step, queue, behaviour, route);
        boolean continueOption = args.length > 1 && options(args[1]).indexOf('c') >= 0;
        return switch (behaviour) {
            case ANSWERED -> {
                answeredByAgent();
                if (continueOption) {
                    call.channel.set("QUEUESTATUS", "CONTINUE");
                    yield result(0);
                }
                yield result(-1);
            }
            case CALLER_HANGS_UP -> {
                answeredByAgent();
                call.callerHangsUp(Hangup.Moment.DURING);
                yield result(-1);
            }
            case TIMEOUT, FULL, JOINEMPTY, LEAVEEMPTY, JOINUNAVAIL, LEAVEUNAVAIL, UNKNOWN -> {
                call.channel.set("QUEUESTATUS", behaviour.queueStatus().orElseThrow());
                yield result(0);
            }
        };
    }

    private Route routeTo(String queue) {
        String language = call.channel.variable("ONECALL_LANG").orElse(call.channel.language());
        return new Route(queue, language, call.channel.variable("ONECALL_TOPIC").orElse(null));
    }

    private void answeredByAgent() {
        call.caller.script().memberInterface().ifPresent(agent -> {
            call.channel.set("MEMBERINTERFACE", agent);
            call.channel.set("MEMBERNAME", agent);
        });
        call.channel.set("ANSWEREDTIME", String.valueOf(AGENT_TALK_SECONDS));
        call.channel.set("ANSWEREDTIME_MS", String.valueOf(AGENT_TALK_SECONDS * 1000));
    }

    private Reply set(String data) {
        int eq = data.indexOf('=');
        if (eq > 0) {
            call.variables.assign(data.substring(0, eq).strip(), data.substring(eq + 1));
        }
        return result(0);
    }

    private Reply hangup() {
        if (call.channel.isUp()) {
            call.channel.hangUp(Channel.HungUpBy.SERVER);
            call.log.add(new Event.ServerHungUp());
        }
        return result(-1);
    }

    private Reply member(String statusVariable, boolean done, String success) {
        call.channel.set(statusVariable, done ? success : "NOTFOUND");
        return result(0);
    }

    private Reply logged(String message) {
        call.log.add(new Event.Logged(message));
        return result(0);
    }

    private static String queueOf(String data) {
        return data.split(",", -1)[0].strip();
    }

    /** Option letters without their (arguments), so F(ctx^exten^1) does not read as 'c'. */
    private static String options(String options) {
        return options.replaceAll("\\([^)]*\\)", "");
    }

    private static boolean isTrue(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    /** handle_exec returns the application's result without RESULT_FAILURE, so AGISTATUS never turns FAILURE. */
    private static Reply result(int res) {
        return Reply.ok("200 result=" + res);
    }
}
