package org.onecall.emulator;

import java.util.List;
import java.util.OptionalLong;

/**
 * The commands that play to or listen to the caller: the caller's steps. Each follows its handler in
 * {@code res_agi.c}: the same argument checks (else a 520 usage block), the same reply lines, and the same
 * RESULT_FAILURE cases. Nothing waits: prompts "play" instantly with their scripted length.
 */
final class MediaCommands {
    /** While recording, the caller talks this long before going quiet. */
    static final long CALLER_SPEAKS_MS = 2_000;
    private static final long SAMPLES_PER_MS = 8;
    /** The silence detector reads 20 ms frames and fires on the first one past the limit. */
    private static final long FRAME_MS = 20;

    private final CallContext call;

    MediaCommands(CallContext call) {
        this.call = call;
    }

    /** STREAM FILE file escape_digits [sample_offset]. */
    Reply streamFile(List<String> argv) {
        if (argv.size() < 4 || argv.size() > 5) {
            return Reply.usage();
        }
        OptionalLong offsetArg = argv.size() > 4 ? CNumbers.scan(argv.get(4)) : OptionalLong.of(0);
        if (offsetArg.isEmpty()) {
            return Reply.usage();
        }
        String file = argv.get(2);
        String escapes = argv.get(3);
        long offset = offsetArg.getAsLong();
        boolean cut = call.caller.startStep();
        int step = call.caller.step();
        if (call.isMissing(file)) {
            call.log.add(new Event.MissingPrompt(step, file));
            return Reply.failed("200 result=-1 endpos=" + offset);
        }
        long length = call.samplesOf(file);
        if (cut) {
            call.log.heard(step, file, Event.Ending.CUT_OFF_BY_HANGUP);
            call.callerHangsUp(Hangup.Moment.DURING);
            call.channel.set("PLAYBACKSTATUS", "FAILED");
            return Reply.failed("200 result=-1 endpos=" + CallContext.partial(offset, length));
        }
        if (!escapes.isEmpty()) {
            String entry = call.caller.nextKeys();
            if (!entry.isEmpty() && escapes.indexOf(entry.charAt(0)) >= 0) {
                char key = entry.charAt(0);
                call.log.heard(step, file, Event.Ending.INTERRUPTED_BY_KEY);
                call.log.entered(step, "STREAM FILE", String.valueOf(key), false);
                // Asterisk sets FAILED whenever the result is not 0, a key press included.
                call.channel.set("PLAYBACKSTATUS", "FAILED");
                return Reply.ok("200 result=" + (int) key + " endpos=" + CallContext.partial(offset, length));
            }
            call.log.heard(step, file, Event.Ending.PLAYED);
            call.log.entered(step, "STREAM FILE", "", false);
        } else {
            call.log.heard(step, file, Event.Ending.PLAYED);
        }
        call.channel.set("PLAYBACKSTATUS", "SUCCESS");
        return Reply.ok("200 result=0 endpos=" + length);
    }

    /** GET DATA file [timeout] [max_digits]: digits until '#', max_digits or the inter-digit timeout. */
    Reply getData(List<String> argv) {
        if (argv.size() < 3) {
            return Reply.usage();
        }
        String file = argv.get(2);
        long max = argv.size() >= 5 ? CNumbers.atoi(argv.get(4)) : 1024;
        boolean cut = call.caller.startStep();
        int step = call.caller.step();
        // A missing prompt ends GET DATA at once with -1; handle_getdata still returns RESULT_SUCCESS,
        // so unlike STREAM FILE it does not make AGISTATUS FAILURE.
        if (!file.isEmpty() && call.isMissing(file)) {
            call.log.add(new Event.MissingPrompt(step, file));
            return Reply.ok("200 result=-1");
        }
        if (cut) {
            if (!file.isEmpty()) {
                call.log.heard(step, file, Event.Ending.CUT_OFF_BY_HANGUP);
            }
            call.callerHangsUp(Hangup.Moment.DURING);
            return Reply.ok("200 result=-1");
        }
        if (max == 0) {
            // ast_readstring refuses a zero-length buffer before reading any digit.
            return Reply.ok("200 result=-1");
        }
        String entry = call.caller.nextKeys();
        if (!file.isEmpty()) {
            call.log.heard(step, file, entry.isEmpty() ? Event.Ending.PLAYED : Event.Ending.INTERRUPTED_BY_KEY);
        }
        Keypad.Reading reading = Keypad.read(entry, max);
        if (reading.timedOut() && argv.size() >= 4 && CNumbers.atoi(argv.get(3)) < 0) {
            return callerGivesUpWaiting("200 result=-1");
        }
        call.log.entered(step, "GET DATA", reading.digits(), reading.timedOut());
        return Reply.ok("200 result=" + reading.digits() + (reading.timedOut() ? " (timeout)" : ""));
    }

    /** GET OPTION file escape_digits [timeout]: STREAM FILE that then waits for one of the escape digits. */
    Reply getOption(List<String> argv) {
        if (argv.size() < 4 || argv.size() > 5) {
            return Reply.usage();
        }
        String file = argv.get(2);
        String escapes = argv.get(3);
        boolean cut = call.caller.startStep();
        int step = call.caller.step();
        if (call.isMissing(file)) {
            call.log.add(new Event.MissingPrompt(step, file));
            return Reply.failed("200 result=-1 endpos=0");
        }
        long length = call.samplesOf(file);
        if (cut) {
            call.log.heard(step, file, Event.Ending.CUT_OFF_BY_HANGUP);
            call.callerHangsUp(Hangup.Moment.DURING);
            return Reply.failed("200 result=-1 endpos=" + CallContext.partial(0, length));
        }
        String entry = call.caller.nextKeys();
        if (!entry.isEmpty() && escapes.indexOf(entry.charAt(0)) >= 0) {
            char key = entry.charAt(0);
            call.log.heard(step, file, Event.Ending.INTERRUPTED_BY_KEY);
            call.log.entered(step, "GET OPTION", String.valueOf(key), false);
            return Reply.ok("200 result=" + (int) key + " endpos=" + CallContext.partial(0, length));
        }
        // A key that is not an escape digit does not stop the prompt, and GET OPTION then reports 0.
        call.log.heard(step, file, Event.Ending.PLAYED);
        call.log.entered(step, "GET OPTION", "", entry.isEmpty());
        return Reply.ok("200 result=0 endpos=" + length);
    }

    /** WAIT FOR DIGIT timeout: any one digit, or 0 when the caller presses nothing. */
    Reply waitForDigit(List<String> argv) {
        if (argv.size() != 4 || CNumbers.scan(argv.get(3)).isEmpty()) {
            return Reply.usage();
        }
        boolean cut = call.caller.startStep();
        int step = call.caller.step();
        if (cut) {
            call.callerHangsUp(Hangup.Moment.DURING);
            return Reply.failed("200 result=-1");
        }
        String entry = call.caller.nextKeys();
        if (entry.isEmpty() && CNumbers.atoi(argv.get(3)) < 0) {
            return callerGivesUpWaiting("200 result=-1");
        }
        if (entry.isEmpty()) {
            call.log.entered(step, "WAIT FOR DIGIT", "", true);
            return Reply.ok("200 result=0");
        }
        call.log.entered(step, "WAIT FOR DIGIT", entry.substring(0, 1), false);
        return Reply.ok("200 result=" + (int) entry.charAt(0));
    }

    /** SAY DIGITS/NUMBER/ALPHA/PHONETIC/DATE/TIME/DATETIME, once their arguments passed the handler's checks. */
    Reply say(String what) {
        boolean cut = call.caller.startStep();
        if (cut) {
            call.callerHangsUp(Hangup.Moment.DURING);
            return Reply.failed("200 result=-1");
        }
        call.log.add(new Event.Said(call.caller.step(), what));
        return Reply.ok("200 result=0");
    }

    /**
     * RECORD FILE file format escape_digits timeout [offset_samples] [BEEP] [s=silence]. The caller talks
     * for {@link #CALLER_SPEAKS_MS}, then stays quiet: the recording ends on silence when s= is given and
     * comes first, else at the timeout; with neither, the caller ends it by hanging up.
     */
    Reply recordFile(List<String> argv) {
        if (argv.size() < 6) {
            return Reply.usage();
        }
        OptionalLong timeoutArg = CNumbers.scan(argv.get(5));
        if (timeoutArg.isEmpty()) {
            return Reply.usage();
        }
        long timeoutMs = timeoutArg.getAsLong();
        long silenceMs = silenceOption(argv) * 1000;
        OptionalLong offsetArg = argv.size() > 6 ? CNumbers.scan(argv.get(6)) : OptionalLong.empty();
        long offset = offsetArg.orElse(0);
        boolean beep = (argv.size() > 6 && offsetArg.isEmpty() && !argv.get(6).startsWith("s="))
                || (argv.size() > 7 && !argv.get(7).startsWith("s="));
        String file = argv.get(2);
        boolean cut = call.caller.startStep();
        int step = call.caller.step();
        if (beep) {
            if (call.isMissing("beep")) {
                call.log.add(new Event.MissingPrompt(step, "beep"));
                return Reply.ok("200 result=-1 (randomerror) endpos=" + offset);
            }
            call.log.heard(step, "beep", Event.Ending.PLAYED);
        }
        if (cut) {
            call.callerHangsUp(Hangup.Moment.DURING);
            return Reply.failed("200 result=-1 (hangup) endpos=" + (offset + CALLER_SPEAKS_MS / 2 * SAMPLES_PER_MS));
        }
        boolean silenceFirst = silenceMs > 0
                && (timeoutMs < 0 || CALLER_SPEAKS_MS + silenceMs + FRAME_MS < timeoutMs);
        if (silenceFirst) {
            long elapsed = CALLER_SPEAKS_MS + silenceMs + FRAME_MS;
            // Asterisk trims all but one second of the trailing silence; the result is the time left.
            long endpos = offset + (elapsed - (silenceMs - 1000)) * SAMPLES_PER_MS;
            long left = timeoutMs < 0 ? 0 : timeoutMs - elapsed;
            return recorded(step, file, endpos, "200 result=" + left + " (timeout) endpos=" + endpos);
        }
        if (timeoutMs < 0) {
            long endpos = offset + CALLER_SPEAKS_MS * SAMPLES_PER_MS;
            call.recorded(file, endpos);
            call.log.add(new Event.Recorded(step, file, endpos));
            call.callerHangsUp(Hangup.Moment.DURING);
            return Reply.failed("200 result=-1 (hangup) endpos=" + endpos);
        }
        long endpos = offset + timeoutMs * SAMPLES_PER_MS;
        return recorded(step, file, endpos, "200 result=0 (timeout) endpos=" + endpos);
    }

    /** CONTROL STREAM FILE file escape_digits [skipms] [ffchar] [rewchr] [pausechr] [offsetms]; endpos in ms. */
    Reply controlStreamFile(List<String> argv) {
        if (argv.size() < 5 || argv.size() > 10
                || (argv.size() > 5 && CNumbers.scan(argv.get(5)).isEmpty())
                || (argv.size() > 9 && CNumbers.scan(argv.get(9)).isEmpty())) {
            return Reply.usage();
        }
        String file = argv.get(3);
        long offsetMs = argv.size() > 9 ? CNumbers.atoi(argv.get(9)) : 0;
        boolean cut = call.caller.startStep();
        int step = call.caller.step();
        if (call.isMissing(file)) {
            call.log.add(new Event.MissingPrompt(step, file));
            call.channel.set("CPLAYBACKSTATUS", "ERROR");
            call.channel.set("CPLAYBACKOFFSET", String.valueOf(offsetMs));
            return Reply.failed("200 result=-1 endpos=" + offsetMs);
        }
        long lengthMs = call.samplesOf(file) / SAMPLES_PER_MS;
        if (cut) {
            call.log.heard(step, file, Event.Ending.CUT_OFF_BY_HANGUP);
            call.callerHangsUp(Hangup.Moment.DURING);
            long at = CallContext.partial(offsetMs, lengthMs);
            call.channel.set("CPLAYBACKSTATUS", "ERROR");
            call.channel.set("CPLAYBACKOFFSET", String.valueOf(at));
            return Reply.failed("200 result=-1 endpos=" + at);
        }
        call.log.heard(step, file, Event.Ending.PLAYED);
        call.channel.set("CPLAYBACKSTATUS", "SUCCESS");
        call.channel.set("CPLAYBACKOFFSET", String.valueOf(lengthMs));
        return Reply.ok("200 result=0 endpos=" + lengthMs);
    }

    /**
     * A negative timeout waits for ever; a real caller who has nothing more to press hangs up instead, so
     * the transcript shows the wait rather than a timeout that cannot happen.
     */
    private Reply callerGivesUpWaiting(String line) {
        call.log.add(new Event.Note("the server waits with no timeout and the caller has no more keys: the caller hangs up"));
        call.callerHangsUp(Hangup.Moment.DURING);
        return Reply.failed(line);
    }

    private Reply recorded(int step, String file, long endpos, String line) {
        call.recorded(file, endpos);
        call.log.add(new Event.Recorded(step, file, endpos));
        return Reply.ok(line);
    }

    /** The s=N argument, looked for where handle_recordfile looks: the first of argv[6..8] holding an 's'. */
    private static long silenceOption(List<String> argv) {
        for (int i = 6; i <= 8 && i < argv.size(); i++) {
            String arg = argv.get(i);
            int s = arg.indexOf('s');
            if (s >= 0) {
                String from = arg.substring(s);
                if (from.length() > 2 && from.startsWith("s=")) {
                    return Math.max(0, CNumbers.atoi(from.substring(2)));
                }
                return 0;
            }
        }
        return 0;
    }
}
