/**
 * An Asterisk 22 emulator: a FastAGI client that calls a FastAGI server the way Asterisk 22.10 runs
 * {@code AGI(agi://host:port/script)}, with a scripted caller. It powers {@code ./onecall call} and the
 * end-to-end tests.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * var emulator = new AsteriskEmulator(new InetSocketAddress("127.0.0.1", 4573), Duration.ofSeconds(60));
 * Transcript t = emulator.call(CallSetup.to("311")
 *         .withCaller(CallerScript.keys("2", "1").queue(QueueBehaviour.TIMEOUT)));
 * t.route();  t.prompts();  t.toText();  t.toJson();
 * }</pre>
 *
 * <h2>How faithful</h2>
 * Every reply was checked against recordings of a real Asterisk 22.10.1 (shared/asterisk-agi-traces,
 * replayed by EmulatorMatchesRecordedAsteriskTest) and, where the recordings say nothing, follows the
 * Asterisk 22 sources ({@code res/res_agi.c} above all): the header, the 510/511/520 answers, which commands
 * still run on a dead channel, the async HANGUP lines, AGISTATUS, the quoting rules, the 2047-byte command
 * buffer. Things that are scripted instead of real: prompt lengths (two seconds unless set), what the caller
 * says when recorded, queue outcomes and agent counts. Nothing waits: the whole call takes as long as the
 * server needs.
 *
 * <h2>Not emulated</h2>
 * A dialplan (GOSUB, SET PRIORITY with a label, Goto), expressions {@code $[...]}, speech recognition (no
 * engine is loaded, as on an Asterisk without one), SET AUTOHANGUP's timer, and dialplan applications beyond
 * the IVR ones (Playback, Background, Queue, Set, Wait, NoOp, Verbose, Log, Answer, Hangup, the queue member
 * applications): others answer -2 as if not loaded.
 */
package org.onecall.emulator;
