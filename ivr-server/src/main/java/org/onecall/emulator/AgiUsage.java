package org.onecall.emulator;

/**
 * The usage text Asterisk 22 sends in a {@code 520} reply when a known command has the wrong arguments.
 *
 * <p>Asterisk builds it from the XML documentation of each AGI command ({@code res/res_agi.c} and, for
 * GOSUB, {@code apps/app_stack.c}) without converting its markup, which is why {@code <literal>} and
 * {@code <variable>} tags reach the wire. These texts were rendered from the 22.9 sources with the rules
 * of {@code main/xmldoc.c}; timeouts.txt shows the STREAM FILE one byte for byte.
 */
final class AgiUsage {
    private AgiUsage() {
    }

    static String of(AgiCommand command) {
        return switch (command) {
            case ANSWER -> """
                    Answers channel if not already in answer state. Returns <literal>-1</literal> on channel failure, or <literal>0</literal> if successful.""";
            case ASYNCAGI_BREAK -> """
                    Interrupts expected flow of Async AGI commands and returns control to previous source (typically, the PBX dialplan).""";
            case CHANNEL_STATUS -> """
                    Returns the status of the specified <replaceable>channelname</replaceable>. If no channel name is given then returns the status of the current channel.
                    Return values:
                        <enum>0</enum> - Channel is down and available.
                        <enum>1</enum> - Channel is down, but reserved.
                        <enum>2</enum> - Channel is off hook.
                        <enum>3</enum> - Digits (or equivalent) have been dialed.
                        <enum>4</enum> - Line is ringing.
                        <enum>5</enum> - Remote end is ringing.
                        <enum>6</enum> - Line is up.
                        <enum>7</enum> - Line is busy.""";
            case DATABASE_DEL -> """
                    Deletes an entry in the Asterisk database for a given <replaceable>family</replaceable> and <replaceable>key</replaceable>.
                    Returns <literal>1</literal> if successful, <literal>0</literal> otherwise.""";
            case DATABASE_DELTREE -> """
                    Deletes a <replaceable>family</replaceable> or specific <replaceable>keytree</replaceable> within a <replaceable>family</replaceable> in the Asterisk database.
                    Returns <literal>1</literal> if successful, <literal>0</literal> otherwise.""";
            case DATABASE_GET -> """
                    Retrieves an entry in the Asterisk database for a given <replaceable>family</replaceable> and <replaceable>key</replaceable>.
                    Returns <literal>0</literal> if <replaceable>key</replaceable> is not set. Returns <literal>1</literal> if <replaceable>key</replaceable> is set and returns the variable in parenthesis.
                    Example return code: 200 result=1 (testvariable)""";
            case DATABASE_PUT -> """
                    Adds or updates an entry in the Asterisk database for a given <replaceable>family</replaceable>, <replaceable>key</replaceable>, and <replaceable>value</replaceable>.
                    Returns <literal>1</literal> if successful, <literal>0</literal> otherwise.""";
            case EXEC -> """
                    Executes <replaceable>application</replaceable> with given <replaceable>options</replaceable>.
                    Returns whatever the <replaceable>application</replaceable> returns, or <literal>-2</literal> on failure to find <replaceable>application</replaceable>.
                    <note>NOTE:</note> exec does not evaluate dialplan functions and variables unless it is explicitly enabled by setting the <variable>AGIEXECFULL</variable> variable to <literal>yes</literal>.""";
            case GET_DATA -> """
                    Stream the given <replaceable>file</replaceable>, and receive DTMF data.
                    Returns the digits received from the channel at the other end.""";
            case GET_FULL_VARIABLE -> """
                    Evaluates the given <replaceable>expression</replaceable> against the channel specified by <replaceable>channelname</replaceable>, or the current channel if <replaceable>channelname</replaceable> is not provided.
                    Unlike GET VARIABLE, the <replaceable>expression</replaceable> is processed in a manner similar to dialplan evaluation, allowing complex and built-in variables to be accessed, e.g. <literal>The time is ${EPOCH}</literal>
                    Returns <literal>0</literal> if no channel matching <replaceable>channelname</replaceable> exists, <literal>1</literal> otherwise.
                    Example return code: 200 result=1 (The time is 1578493800)""";
            case GET_OPTION -> """
                    Behaves similar to STREAM FILE but used with a timeout option.""";
            case GET_VARIABLE -> """
                    Returns <literal>0</literal> if <replaceable>variablename</replaceable> is not set. Returns <literal>1</literal> if <replaceable>variablename</replaceable> is set and returns the variable in parentheses.
                    Example return code: 200 result=1 (testvariable)""";
            case HANGUP -> """
                    Hangs up the specified channel. If no channel name is given, hangs up the current channel""";
            case NOOP -> """
                    Does nothing.""";
            case RECEIVE_CHAR -> """
                    Receives a character of text on a channel. Most channels do not support the reception of text. Returns the decimal value of the character if one is received, or <literal>0</literal> if the channel does not support text reception. Returns <literal>-1</literal> only on error/hangup.""";
            case RECEIVE_TEXT -> """
                    Receives a string of text on a channel. Most channels do not support the reception of text. Returns <literal>-1</literal> for failure or <literal>1</literal> for success, and the string in parenthesis.""";
            case RECORD_FILE -> """
                    Record to a file until a given dtmf digit in the sequence is received. Returns <literal>-1</literal> on hangup or error.  The format will specify what kind of file will be recorded. The <replaceable>timeout</replaceable> is the maximum record time in milliseconds, or <literal>-1</literal> for no <replaceable>timeout</replaceable>. <replaceable>offset samples</replaceable> is optional, and, if provided, will seek to the offset without exceeding the end of the file. <replaceable>beep</replaceable> can take any value, and causes Asterisk to play a beep to the channel that is about to be recorded. <replaceable>silence</replaceable> is the number of seconds of silence allowed before the function returns despite the lack of dtmf digits or reaching <replaceable>timeout</replaceable>. <replaceable>silence</replaceable> value must be preceded by <literal>s=</literal> and is also optional.""";
            case SAY_ALPHA -> """
                    Say a given character string, returning early if any of the given DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.""";
            case SAY_DIGITS -> """
                    Say a given digit string, returning early if any of the given DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.""";
            case SAY_NUMBER -> """
                    Say a given number, returning early if any of the given DTMF digits are received on the channel.  Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.""";
            case SAY_PHONETIC -> """
                    Say a given character string with phonetics, returning early if any of the given DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a digit pressed, the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error/hangup.""";
            case SAY_DATE -> """
                    Say a given date, returning early if any of the given DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.""";
            case SAY_TIME -> """
                    Say a given time, returning early if any of the given DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.""";
            case SAY_DATETIME -> """
                    Say a given time, returning early if any of the given DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed or <literal>-1</literal> on error/hangup.""";
            case SEND_IMAGE -> """
                    Sends the given image on a channel. Most channels do not support the transmission of images. Returns <literal>0</literal> if image is sent, or if the channel does not support image transmission.  Returns <literal>-1</literal> only on error/hangup. Image names should not include extensions.""";
            case SEND_TEXT -> """
                    Sends the given text on a channel. Most channels do not support the transmission of text. Returns <literal>0</literal> if text is sent, or if the channel does not support text transmission. Returns <literal>-1</literal> only on error/hangup.""";
            case SET_AUTOHANGUP -> """
                    Cause the channel to automatically hangup at <replaceable>time</replaceable> seconds in the future. Of course it can be hungup before then as well. Setting to <literal>0</literal> will cause the autohangup feature to be disabled on this channel.""";
            case SET_CALLERID -> """
                    Changes the callerid of the current channel.""";
            case SET_CONTEXT -> """
                    Sets the context for continuation upon exiting the application.""";
            case SET_EXTENSION -> """
                    Changes the extension for continuation upon exiting the application.""";
            case SET_MUSIC -> """
                    Enables/Disables the music on hold generator. If <replaceable>class</replaceable> is not specified, then the <literal>default</literal> music on hold class will be used. This generator will be stopped automatically when playing a file.
                    Always returns <literal>0</literal>.""";
            case SET_PRIORITY -> """
                    Changes the priority for continuation upon exiting the application. The priority must be a valid priority or label.""";
            case SET_VARIABLE -> """
                    Sets a variable to the current channel.""";
            case STREAM_FILE -> """
                    Send the given file, allowing playback to be interrupted by the given digits, if any. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel was disconnected. If musiconhold is playing before calling stream file it will be automatically stopped and will not be restarted after completion.
                    It sets the following channel variables upon completion:
                    <variable>PLAYBACKSTATUS</variable>: The status of the playback attempt as a text string.
                        <value>SUCCESS</value>
                        <value>FAILED</value>""";
            case CONTROL_STREAM_FILE -> """
                    Send the given file, allowing playback to be controlled by the given digits, if any. Use double quotes for the digits if you wish none to be permitted. If offsetms is provided then the audio will seek to offsetms before play starts. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel was disconnected. Returns the position where playback was terminated as endpos.
                    It sets the following channel variables upon completion:
                    <variable>CPLAYBACKSTATUS</variable>: Contains the status of the attempt as a text string
                        <value>SUCCESS</value>
                        <value>USERSTOPPED</value>
                        <value>REMOTESTOPPED</value>
                        <value>ERROR</value>
                    <variable>CPLAYBACKOFFSET</variable>: Contains the offset in ms into the file where playback was at when it stopped. <literal>-1</literal> is end of file.
                    <variable>CPLAYBACKSTOPKEY</variable>: If the playback is stopped by the user this variable contains the key that was pressed.""";
            case TDD_MODE -> """
                    Enable/Disable TDD transmission/reception on a channel. Returns <literal>1</literal> if successful, or <literal>0</literal> if channel is not TDD-capable.""";
            case VERBOSE -> """
                    Sends <replaceable>message</replaceable> to the console via verbose message system. <replaceable>level</replaceable> is the verbose level (1-4). Always returns <literal>1</literal>""";
            case WAIT_FOR_DIGIT -> """
                    Waits up to <replaceable>timeout</replaceable> milliseconds for channel to receive a DTMF digit. Returns <literal>-1</literal> on channel failure, <literal>0</literal> if no digit is received in the timeout, or the numerical value of the ascii of the digit if one is received. Use <literal>-1</literal> for the <replaceable>timeout</replaceable> value if you desire the call to block indefinitely.""";
            case SPEECH_CREATE -> """
                    Create a speech object to be used by the other Speech AGI commands.""";
            case SPEECH_SET -> """
                    Set an engine-specific setting.""";
            case SPEECH_DESTROY -> """
                    Destroy the speech object created by <literal>SPEECH CREATE</literal>.""";
            case SPEECH_LOAD_GRAMMAR -> """
                    Loads the specified grammar as the specified name.""";
            case SPEECH_UNLOAD_GRAMMAR -> """
                    Unloads the specified grammar.""";
            case SPEECH_ACTIVATE_GRAMMAR -> """
                    Activates the specified grammar on the speech object.""";
            case SPEECH_DEACTIVATE_GRAMMAR -> """
                    Deactivates the specified grammar on the speech object.""";
            case SPEECH_RECOGNIZE -> """
                    Plays back given <replaceable>prompt</replaceable> while listening for speech and dtmf.""";
            case GOSUB -> """
                    Cause the channel to execute the specified dialplan subroutine, returning to the dialplan with execution of a Return().""";
        };
    }
}
