package org.onecall.agi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ChannelStatusCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetFullVariableCommand;
import org.asteriskjava.fastagi.command.SayDigitsCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.onecall.flow.CallInfo;
import org.onecall.flow.CallPort;
import org.onecall.flow.CallerHungUp;
import org.onecall.flow.Input;
import org.onecall.flow.QueueResult;
import org.onecall.flow.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call as the flow sees it, spoken to Asterisk through Asterisk-Java's commands.
 *
 * <p>Asterisk answers "-1" both when the caller hung up and when a prompt file is missing on a
 * live channel; only the HANGUP line (or a 511) tells them apart. After a -1 this asks for the
 * channel status: by the time that reply arrives, any HANGUP Asterisk sent has arrived before it.
 */
final class AgiCallPort implements CallPort {
    private static final Logger log = LoggerFactory.getLogger(AgiCallPort.class);
    /** The dialplan context that plays ONECALL_WHISPER to the agent (dialplans/extensions_onecall.conf). */
    static final String WHISPER_GOSUB = "onecall-whisper";
    /** Asterisk's "wav" is 8 kHz signed linear: endpos counts samples at that rate. */
    private static final String RECORDING_FORMAT = "wav";
    private static final long SAMPLES_PER_SECOND = 8000;
    private static final Duration CONVERSATION_LIMIT = Duration.ofHours(12);

    private final AgiChannel channel;
    private final AgiConnection connection;
    private final CallInfo info;

    AgiCallPort(AgiChannel channel, AgiConnection connection, CallInfo info) {
        this.channel = channel;
        this.connection = connection;
        this.info = info;
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public void answer() {
        send(new AnswerCommand());
    }

    @Override
    public void play(String prompt) {
        AgiReply reply = send(new StreamFileCommand(prompt, ""));
        if (reply.getResultCode() == -1) {
            promptFailed(prompt);
        }
    }

    @Override
    public void playSkippable(String prompt) {
        AgiReply reply = send(new StreamFileCommand(prompt, "0123456789*#"));
        if (reply.getResultCode() == -1) {
            promptFailed(prompt);
        }
    }

    @Override
    public Input ask(String prompt, Duration timeout, int maxDigits) {
        AgiReply reply = send(new GetDataCommand(prompt, timeout.toMillis(), maxDigits));
        String result = reply.getResult();
        if (result.equals("-1")) {
            promptFailed(prompt);
            return new Input.NoInput();
        }
        // "200 result=7 (timeout)" means the caller keyed 7 then stopped; the digits count.
        String digits = result.replace("#", "");
        return digits.isEmpty() ? new Input.NoInput() : new Input.Keys(digits);
    }

    @Override
    public void sayDigits(String digits) {
        send(new SayDigitsCommand(digits));
    }

    @Override
    public Recording record(String file, Duration maxDuration, Duration silence) {
        connection.allowExtraReplyTime(maxDuration);
        // "200 result=35 endpos=N" ('#'), "200 result=<ms left> (timeout) endpos=N" (silence or the
        // time limit, record.txt), "200 result=-1 (hangup|writefile|...) endpos=N".
        AgiReply reply = send(new RecordFileCommand(file, RECORDING_FORMAT, "#", (int) maxDuration.toMillis(), 0, true,
                (int) silence.toSeconds()));
        if (reply.getResultCode() == -1) {
            if (!alive()) {
                throw new CallerHungUp();
            }
            // "(writefile)": Asterisk could not create the file, say; the flow owns up and logs it.
            return new Recording.Failed(reply.getExtra() == null ? "error" : reply.getExtra());
        }
        long samples;
        try {
            samples = Long.parseLong(String.valueOf(reply.getAttribute("endpos")).strip());
        } catch (NumberFormatException e) {
            samples = 0;
        }
        return new Recording.Saved(Duration.ofMillis(samples * 1000 / SAMPLES_PER_SECOND));
    }

    @Override
    public void setVariable(String name, String value) {
        send(new SetVariableCommand(name, value));
    }

    @Override
    public String evaluate(String expression) {
        AgiReply reply = send(new GetFullVariableCommand(expression));
        return reply.getResultCode() == 1 && reply.getExtra() != null ? reply.getExtra() : "";
    }

    @Override
    public QueueResult queue(String queue, Duration timeout, List<String> whisper) {
        // The member's channel inherits __ variables; the dialplan's [onecall-whisper] gosub plays this to
        // the agent before the call connects (Queue's announce takes one file only).
        setVariable("__ONECALL_WHISPER", String.join("&", whisper));
        // The conversation with the agent runs inside Queue(), so its reply may come hours later; the
        // dialplan's TIMEOUT(absolute) ends a call long before this bound does.
        connection.allowExtraReplyTime(timeout.plus(CONVERSATION_LIMIT));
        AgiReply reply = send(new ExecCommand("Queue", queue + ",,,," + timeout.toSeconds() + ",," + WHISPER_GOSUB));
        if (reply.getResultCode() == -1) {
            // -1: an agent answered and the call with them has ended, or the caller hung up, while waiting
            // or while talking. ANSWEREDTIME (set once an agent answered) tells which, and Asterisk answers
            // this read on a dead channel too; by the time its reply arrives, any HANGUP has arrived.
            Optional<Duration> talked = seconds(readEvenAfterHangup("${ANSWEREDTIME}"));
            boolean callerLeft = connection.hungUp() || connection.closed();
            if (callerLeft && talked.isEmpty()) {
                throw new CallerHungUp();
            }
            return new QueueResult.Answered(talked, callerLeft);
        }
        AgiReply status = send(new GetVariableCommand("QUEUESTATUS"));
        return new QueueResult.Unanswered(
                QueueResult.Reason.fromQueueStatus(status.getResultCode() == 1 ? status.getExtra() : null));
    }

    /**
     * GET FULL VARIABLE, which Asterisk answers on a dead channel as well. Only for what the record
     * needs about a call that has just ended; the flow itself stops at a hang-up.
     */
    private String readEvenAfterHangup(String expression) {
        if (connection.closed()) {
            return "";
        }
        connection.allowOneCommandAfterHangup();
        try {
            AgiReply reply = channel.sendCommand(new GetFullVariableCommand(expression));
            return reply.getResultCode() == 1 && reply.getExtra() != null ? reply.getExtra() : "";
        } catch (AgiException e) {
            return "";
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void hangup() {
        send(new HangupCommand());
    }

    private void promptFailed(String prompt) {
        if (!alive()) {
            throw new CallerHungUp();
        }
        log.warn("prompt '{}' could not be played (no sound file for language '{}'?); the call goes on",
                prompt, info.language());
    }

    private boolean alive() {
        try {
            send(new ChannelStatusCommand());
            return !connection.hungUp();
        } catch (CallerHungUp e) {
            return false;
        }
    }

    private AgiReply send(AgiCommand command) {
        if (connection.hungUp() || connection.closed()) {
            throw new CallerHungUp();
        }
        try {
            return channel.sendCommand(command);
        } catch (AgiHangupException e) {
            throw new CallerHungUp();
        } catch (AgiException e) {
            if (connection.hungUp() || connection.closed()) {
                throw new CallerHungUp();
            }
            throw new AgiFailure("Asterisk refused '" + command.buildCommand() + "': " + e.getMessage(), e);
        }
    }

    /** Asterisk rejected a command on a live channel: a bug on our side or a misconfigured Asterisk. */
    static final class AgiFailure extends RuntimeException {
        AgiFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
