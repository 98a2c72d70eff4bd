package org.onecall.emulator;

import java.util.List;
import java.util.Optional;

/**
 * Runs one known AGI command against the call and returns Asterisk's reply. The 510/511 decisions and the
 * HANGUP lines are the session's; this class only answers commands Asterisk would hand to their handler.
 */
final class Interpreter {
    private final CallContext call;
    private final MediaCommands media;
    private final Applications applications;

    Interpreter(CallContext call) {
        this.call = call;
        this.media = new MediaCommands(call);
        this.applications = new Applications(call);
    }

    Reply execute(AgiCommand command, List<String> argv) {
        int argc = argv.size();
        return switch (command) {
            // The dialplan answered the channel before AGI(), so ANSWER has nothing to do: 0.
            case ANSWER, ASYNCAGI_BREAK, NOOP -> Reply.ok("200 result=0");
            case CHANNEL_STATUS -> channelStatus(argv);
            case DATABASE_DEL -> argc != 4 ? Reply.usage()
                    : Reply.ok("200 result=" + (call.db.delete(argv.get(2), argv.get(3)) ? 1 : 0));
            // ast_db_deltree's count is turned around by handle_dbdeltree: deleting something answers 0.
            case DATABASE_DELTREE -> argc < 3 || argc > 4 ? Reply.usage()
                    : Reply.ok("200 result=" + (call.db.deleteTree(argv.get(2),
                            argc == 4 ? Optional.of(argv.get(3)) : Optional.empty()) > 0 ? 0 : 1));
            case DATABASE_GET -> argc != 4 ? Reply.usage()
                    : call.db.get(argv.get(2), argv.get(3))
                            .map(v -> Reply.ok("200 result=1 (" + v + ")"))
                            .orElse(Reply.ok("200 result=0"));
            case DATABASE_PUT -> {
                if (argc != 5) {
                    yield Reply.usage();
                }
                call.db.put(argv.get(2), argv.get(3), argv.get(4));
                yield Reply.ok("200 result=1");
            }
            case EXEC -> applications.exec(argv);
            case GET_DATA -> media.getData(argv);
            case GET_FULL_VARIABLE -> getFullVariable(argv);
            case GET_OPTION -> media.getOption(argv);
            case GET_VARIABLE -> argc != 3 ? Reply.usage()
                    : call.variables.get(argv.get(2))
                            .map(v -> Reply.ok("200 result=1 (" + v + ")"))
                            .orElse(Reply.ok("200 result=0"));
            case HANGUP -> hangup(argv);
            case RECEIVE_CHAR -> argc != 3 ? Reply.usage() : Reply.ok("200 result=0 (timeout)");
            case RECEIVE_TEXT -> argc != 3 ? Reply.usage() : Reply.ok("200 result=-1");
            case RECORD_FILE -> media.recordFile(argv);
            case SAY_ALPHA -> argc < 4 || argc > 5 || (argc == 5 && !validCase(argv.get(4))) ? Reply.usage()
                    : media.say("letters " + argv.get(2));
            case SAY_DIGITS -> argc != 4 || CNumbers.scan(argv.get(2)).isEmpty() ? Reply.usage()
                    : media.say("digits " + argv.get(2));
            case SAY_NUMBER -> argc < 4 || argc > 5 || CNumbers.scan(argv.get(2)).isEmpty() ? Reply.usage()
                    : media.say("number " + CNumbers.atoi(argv.get(2)));
            case SAY_PHONETIC -> argc != 4 ? Reply.usage() : media.say("phonetic " + argv.get(2));
            case SAY_DATE -> argc != 4 || CNumbers.scan(argv.get(2)).isEmpty() ? Reply.usage()
                    : media.say("date " + argv.get(2));
            case SAY_TIME -> argc != 4 || CNumbers.scan(argv.get(2)).isEmpty() ? Reply.usage()
                    : media.say("time " + argv.get(2));
            case SAY_DATETIME -> argc < 4 || CNumbers.scan(argv.get(2)).isEmpty() ? Reply.usage()
                    : media.say("date and time " + argv.get(2));
            case SEND_IMAGE, SEND_TEXT, TDD_MODE -> argc != 3 ? Reply.usage() : Reply.ok("200 result=0");
            case SET_AUTOHANGUP -> argc != 3 || !CNumbers.scansAsDecimal(argv.get(2)) ? Reply.usage()
                    : Reply.ok("200 result=0");
            case SET_CALLERID -> setCallerId(argv);
            case SET_CONTEXT -> {
                if (argc != 3) {
                    yield Reply.usage();
                }
                call.channel.context(argv.get(2));
                yield Reply.ok("200 result=0");
            }
            case SET_EXTENSION -> {
                if (argc != 3) {
                    yield Reply.usage();
                }
                call.channel.extension(argv.get(2));
                yield Reply.ok("200 result=0");
            }
            case SET_MUSIC -> argc < 3 ? Reply.usage() : Reply.ok("200 result=0");
            // A priority label would need the dialplan, which this emulator does not have: usage, as for
            // a label Asterisk cannot find.
            case SET_PRIORITY -> {
                if (argc != 3 || CNumbers.scan(argv.get(2)).isEmpty()) {
                    yield Reply.usage();
                }
                call.channel.priority(CNumbers.atoi(argv.get(2)));
                yield Reply.ok("200 result=0");
            }
            case SET_VARIABLE -> {
                if (argc != 4) {
                    yield Reply.usage();
                }
                call.variables.assign(argv.get(2), argv.get(3));
                yield Reply.ok("200 result=1");
            }
            case STREAM_FILE -> media.streamFile(argv);
            case CONTROL_STREAM_FILE -> media.controlStreamFile(argv);
            case VERBOSE -> {
                if (argc < 2) {
                    yield Reply.usage();
                }
                call.log.add(new Event.Logged(argv.get(1)));
                yield Reply.ok("200 result=1");
            }
            case WAIT_FOR_DIGIT -> media.waitForDigit(argv);
            // No speech engine is loaded, so there is never a speech object: every call answers 0.
            case SPEECH_CREATE, SPEECH_DESTROY -> Reply.ok("200 result=0");
            case SPEECH_SET, SPEECH_UNLOAD_GRAMMAR, SPEECH_ACTIVATE_GRAMMAR, SPEECH_DEACTIVATE_GRAMMAR ->
                    argc != 4 ? Reply.usage() : Reply.ok("200 result=0");
            case SPEECH_LOAD_GRAMMAR -> argc != 5 ? Reply.usage() : Reply.ok("200 result=0");
            case SPEECH_RECOGNIZE -> argc < 4 ? Reply.usage() : Reply.ok("200 result=0");
            // There is no dialplan to run a subroutine in.
            case GOSUB -> argc < 4 || argc > 5 ? Reply.usage() : Reply.failed("200 result=-1 Gosub label not found");
        };
    }

    private Reply channelStatus(List<String> argv) {
        return switch (argv.size()) {
            // 6 is AST_STATE_UP: the dialplan answered before AGI().
            case 2 -> Reply.ok("200 result=6");
            case 3 -> Reply.ok(argv.get(2).equals(call.channel.name()) ? "200 result=6" : "200 result=-1");
            default -> Reply.usage();
        };
    }

    private Reply getFullVariable(List<String> argv) {
        if (argv.size() != 4 && argv.size() != 5) {
            return Reply.usage();
        }
        if (argv.size() == 5 && !argv.get(4).equals(call.channel.name())) {
            return Reply.ok("200 result=0");
        }
        return Reply.ok("200 result=1 (" + call.variables.expand(argv.get(3)) + ")");
    }

    private Reply hangup(List<String> argv) {
        if (argv.size() > 2) {
            return Reply.usage();
        }
        if (argv.size() == 2 && !argv.get(1).equals(call.channel.name())) {
            return Reply.ok("200 result=-1");
        }
        call.channel.hangUp(Channel.HungUpBy.SERVER);
        call.log.add(new Event.ServerHungUp());
        return Reply.ok("200 result=1");
    }

    /** Only argv[2] is parsed, so {@code SET CALLERID "Agi Set" <999>} sets the name and an empty number. */
    private Reply setCallerId(List<String> argv) {
        if (argv.size() > 2) {
            CallerId id = CallerId.parse(argv.get(2));
            call.channel.callerId(id);
            call.log.add(new Event.VariableSet("CALLERID(all)", id.merged()));
        }
        return Reply.ok("200 result=1");
    }

    private static boolean validCase(String sensitivity) {
        return sensitivity.isEmpty() || "aAlLnNuU".indexOf(sensitivity.charAt(0)) >= 0;
    }
}
