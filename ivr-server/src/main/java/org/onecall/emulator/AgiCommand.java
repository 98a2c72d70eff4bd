package org.onecall.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The AGI commands Asterisk 22 knows, in the order {@code res_agi.c} registers them, plus GOSUB from
 * {@code app_stack}. Knowing all of them matters: an unknown word gets {@code 510}, a known command on a
 * hung-up channel gets {@code 511} unless Asterisk marks it as allowed on dead channels, and a known
 * command with bad arguments gets the {@code 520} usage block.
 */
enum AgiCommand {
    ANSWER("answer", false),
    ASYNCAGI_BREAK("asyncagi break", true),
    CHANNEL_STATUS("channel status", false),
    DATABASE_DEL("database del", true),
    DATABASE_DELTREE("database deltree", true),
    DATABASE_GET("database get", true),
    DATABASE_PUT("database put", true),
    EXEC("exec", true),
    GET_DATA("get data", false),
    GET_FULL_VARIABLE("get full variable", true),
    GET_OPTION("get option", false),
    GET_VARIABLE("get variable", true),
    HANGUP("hangup", false),
    NOOP("noop", true),
    RECEIVE_CHAR("receive char", false),
    RECEIVE_TEXT("receive text", false),
    RECORD_FILE("record file", false),
    SAY_ALPHA("say alpha", false),
    SAY_DIGITS("say digits", false),
    SAY_NUMBER("say number", false),
    SAY_PHONETIC("say phonetic", false),
    SAY_DATE("say date", false),
    SAY_TIME("say time", false),
    SAY_DATETIME("say datetime", false),
    SEND_IMAGE("send image", false),
    SEND_TEXT("send text", false),
    SET_AUTOHANGUP("set autohangup", false),
    SET_CALLERID("set callerid", false),
    SET_CONTEXT("set context", false),
    SET_EXTENSION("set extension", false),
    SET_MUSIC("set music", false),
    SET_PRIORITY("set priority", false),
    SET_VARIABLE("set variable", true),
    STREAM_FILE("stream file", false),
    CONTROL_STREAM_FILE("control stream file", false),
    TDD_MODE("tdd mode", false),
    VERBOSE("verbose", true),
    WAIT_FOR_DIGIT("wait for digit", false),
    SPEECH_CREATE("speech create", false),
    SPEECH_SET("speech set", false),
    SPEECH_DESTROY("speech destroy", true),
    SPEECH_LOAD_GRAMMAR("speech load grammar", false),
    SPEECH_UNLOAD_GRAMMAR("speech unload grammar", true),
    SPEECH_ACTIVATE_GRAMMAR("speech activate grammar", false),
    SPEECH_DEACTIVATE_GRAMMAR("speech deactivate grammar", false),
    SPEECH_RECOGNIZE("speech recognize", false),
    GOSUB("gosub", false);

    private final List<String> words;
    private final boolean allowedOnDeadChannel;

    AgiCommand(String words, boolean allowedOnDeadChannel) {
        this.words = List.of(words.split(" "));
        this.allowedOnDeadChannel = allowedOnDeadChannel;
    }

    boolean allowedOnDeadChannel() {
        return allowedOnDeadChannel;
    }

    String usage() {
        return AgiUsage.of(this);
    }

    /** The command words as the server sent them would read in a transcript, e.g. "STREAM FILE". */
    String title() {
        return String.join(" ", words).toUpperCase(Locale.ROOT);
    }

    /**
     * Asterisk's {@code find_command(argv, 0)}: every word of the command must match the leading arguments
     * case-insensitively; what follows them are the command's own arguments.
     */
    static Optional<AgiCommand> find(List<String> argv) {
        for (AgiCommand command : values()) {
            if (command.matches(argv)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    private boolean matches(List<String> argv) {
        if (argv.size() < words.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).equalsIgnoreCase(argv.get(i))) {
                return false;
            }
        }
        return true;
    }
}
