package org.onecall.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The connection itself: the header, a server that is absent, silent, hostile, and many calls at once. */
class EmulatorConnectionTest {

    @Test
    void header_ofADefaultCall_isAPjsipCallWithoutCallerId() throws Exception {
        AtomicReference<Map<String, String>> header = new AtomicReference<>();
        try (FastAgiTestServer server = FastAgiTestServer.start(c -> {
            header.set(c.header());
            c.closeAndDrain();
        })) {
            CallSetup setup = CallSetup.to("311").withArgs(List.of("first arg", "x=2"));
            new AsteriskEmulator(server.address(), Duration.ofSeconds(5)).call(setup);

            assertThat(header.get().keySet()).containsExactly("agi_network", "agi_network_script", "agi_request",
                    "agi_channel", "agi_language", "agi_type", "agi_uniqueid", "agi_version", "agi_callerid",
                    "agi_calleridname", "agi_callingpres", "agi_callingani2", "agi_callington", "agi_callingtns",
                    "agi_dnid", "agi_rdnis", "agi_context", "agi_extension", "agi_priority", "agi_enhanced",
                    "agi_accountcode", "agi_threadid", "agi_arg_1", "agi_arg_2");
            assertThat(header.get())
                    .containsEntry("agi_network_script", "311")
                    .containsEntry("agi_request", "agi://" + server.address().getHostString() + ":"
                            + server.address().getPort() + "/311")
                    .containsEntry("agi_channel", setup.channel())
                    .containsEntry("agi_type", "PJSIP")
                    .containsEntry("agi_uniqueid", setup.uniqueId())
                    .containsEntry("agi_version", "22.10.1")
                    .containsEntry("agi_callerid", "unknown")
                    .containsEntry("agi_calleridname", "unknown")
                    .containsEntry("agi_callingpres", "67")
                    .containsEntry("agi_dnid", "311")
                    .containsEntry("agi_extension", "311")
                    .containsEntry("agi_priority", "2")
                    .containsEntry("agi_accountcode", "")
                    .containsEntry("agi_arg_1", "first arg")
                    .containsEntry("agi_arg_2", "x=2");
            assertThat(setup.uniqueId()).matches("\\d{10}\\.\\d+");
            assertThat(setup.channel()).matches("PJSIP/caller-[0-9a-f]{8}");
        }
    }

    @Test
    void header_withCallerId_isPresentedAndOnLocalChannelsHasNoDnid() throws Exception {
        AtomicReference<Map<String, String>> header = new AtomicReference<>();
        try (FastAgiTestServer server = FastAgiTestServer.start(c -> {
            header.set(c.header());
            c.closeAndDrain();
        })) {
            new AsteriskEmulator(server.address(), Duration.ofSeconds(5)).call(CallSetup.to("311")
                    .withFrom("5551234").withCallerName("Test Caller").withChannel("Local/s@caller-00000001;1"));

            assertThat(header.get())
                    .containsEntry("agi_callerid", "5551234")
                    .containsEntry("agi_calleridname", "Test Caller")
                    .containsEntry("agi_callingpres", "0")
                    .containsEntry("agi_type", "Local")
                    .containsEntry("agi_dnid", "unknown");
        }
    }

    @Test
    void header_throughTheShippedDialplanOnALocalChannel_hasExtensionS_noDnid_andTheNumberOnlyInTheScript()
            throws Exception {
        AtomicReference<Map<String, String>> header = new AtomicReference<>();
        try (FastAgiTestServer server = FastAgiTestServer.start(c -> {
            header.set(c.header());
            c.closeAndDrain();
        })) {
            new AsteriskEmulator(server.address(), Duration.ofSeconds(5)).call(CallSetup.to("2125550312")
                    .withChannel("Local/2125550312@onecall-inbound-00000001;1").withDialplan(Dialplan.SHIPPED));

            assertThat(header.get())
                    .containsEntry("agi_network_script", "2125550312")
                    .containsEntry("agi_dnid", "unknown")
                    .containsEntry("agi_context", "onecall-agi")
                    .containsEntry("agi_extension", "s")
                    .containsEntry("agi_priority", "4");
        }
    }

    @Test
    void eachCall_getsItsOwnUniqueIdAndChannel() {
        CallSetup a = CallSetup.to("311");
        CallSetup b = CallSetup.to("311");

        assertThat(a.uniqueId()).isNotEqualTo(b.uniqueId());
        assertThat(a.channel()).isNotEqualTo(b.channel());
    }

    @Test
    void noServer_connectionRefused_isAClearError() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        AsteriskEmulator emulator = new AsteriskEmulator(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(2));

        assertThatThrownBy(() -> emulator.call(CallSetup.to("311")))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessage("no FastAGI server answers at 127.0.0.1:" + port + " (connection refused)");
    }

    @Test
    void silentServer_endsTheCallWithTimeout() throws Exception {
        try (FastAgiTestServer server = FastAgiTestServer.start(c -> {
            c.header();
            c.waitForEmulatorToGiveUp();
        })) {
            long start = System.nanoTime();
            Transcript t = new AsteriskEmulator(server.address(), Duration.ofMillis(300)).call(CallSetup.to("311"));

            assertThat(t.outcome()).isEqualTo("timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void lineOver64KiB_endsTheCallWithoutReadingItAll() throws Exception {
        try (FastAgiTestServer server = FastAgiTestServer.start(c -> {
            c.header();
            c.send("SET VARIABLE X " + "x".repeat(70 * 1024));
            c.waitForEmulatorToGiveUp();
        })) {
            Transcript t = new AsteriskEmulator(server.address(), Duration.ofSeconds(5)).call(CallSetup.to("311"));

            assertThat(t.outcome()).isEqualTo("line-too-long");
        }
    }

    @Test
    void commandOver2047Bytes_isCutWhereAsteriskCutsIt() throws Exception {
        String longValue = "v".repeat(3000);
        try (FastAgiTestServer server = FastAgiTestServer.start(c -> {
            c.header();
            c.send("SET VARIABLE X " + longValue);
            c.reply();
            c.reply();
            c.closeAndDrain();
        })) {
            Transcript t = new AsteriskEmulator(server.address(), Duration.ofSeconds(5)).call(CallSetup.to("311"));

            assertThat(t.variables().get("X")).hasSize(2047 - "SET VARIABLE X ".length());
            assertThat(t.wire()).contains("<< 510 Invalid or unknown command");
        }
    }

    @Test
    void serverSendingFailure_endsTheScriptWithAgiStatusFailure() throws Exception {
        Transcript t = Calls.place(CallerScript.silent(), "ANSWER", "FAILURE: could not start");

        assertThat(t.agiStatus()).isEqualTo("FAILURE");
        assertThat(Calls.sentAtTheEnd(t)).containsExactly("HANGUP");
    }

    @Test
    void thousandCallsAtOnce_throughOneEmulator_keepTheirOwnCallers() throws Exception {
        int calls = 1000;
        FastAgiTestServer.Script ivr = c -> {
            Map<String, String> header = c.header();
            c.command("ANSWER");
            c.command("SET VARIABLE CALL " + header.get("agi_uniqueid"));
            c.command("GET DATA menu 3000 4");
            c.command("EXEC Queue q" + header.get("agi_uniqueid").replace('.', '-'));
            c.command("HANGUP");
            c.closeAndDrain();
        };
        try (FastAgiTestServer server = FastAgiTestServer.start(ivr);
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            AsteriskEmulator emulator = new AsteriskEmulator(server.address(), Duration.ofSeconds(30));
            List<CallSetup> setups = new ArrayList<>();
            List<Future<Transcript>> transcripts = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                CallSetup setup = CallSetup.to("311").withCaller(CallerScript.keys(String.valueOf(1000 + i) + "#"));
                setups.add(setup);
                transcripts.add(callers.submit(() -> emulator.call(setup)));
            }
            for (int i = 0; i < calls; i++) {
                Transcript t = transcripts.get(i).get();
                String id = setups.get(i).uniqueId();
                assertThat(t.inputs()).containsExactly(String.valueOf(1000 + i));
                assertThat(t.variables()).containsEntry("CALL", id);
                assertThat(t.route()).map(Route::queue).contains("q" + id.replace('.', '-'));
                assertThat(t.outcome()).isEqualTo("server-hung-up");
            }
        }
    }

    @Test
    void toText_hasOneLinePerEventThenRouteAndOutcome() throws Exception {
        Transcript t = Calls.place(CallerScript.keys("1", "42#").missing("gone"),
                "STREAM FILE welcome \"12\"", "GET DATA gone 1000 2", "GET DATA beep 3000 3", "EXEC Queue roads", "HANGUP");

        String text = t.toText();
        assertThat(text.lines().toList()).hasSize(t.events().size() + 2);
        assertThat(text).contains("hears welcome (interrupted by a key)", "prompt gone is missing",
                "GET DATA got 42", "queued in roads: ANSWERED", "route    queue=roads language=en topic=-",
                "outcome  server-hung-up (AGISTATUS=HANGUP)");
    }
}
