package org.onecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecall.emulator.CallSetup;
import org.onecall.emulator.CallerScript;
import org.onecall.emulator.Dialplan;
import org.onecall.emulator.Route;
import org.onecall.emulator.Transcript;

/**
 * Calls as dialplans/extensions_onecall.conf sends them: the dialed number as the script path, AGI() run
 * from extension s and, on a Local channel (a transfer), no agi_dnid.
 */
class ShippedDialplanTest {
    @TempDir
    Path tmp;

    private static CallSetup throughTheShippedDialplan(String dialed) {
        return CallSetup.to(dialed).withChannel("Local/" + dialed + "@onecall-inbound-00000001;1")
                .withDialplan(Dialplan.SHIPPED);
    }

    @Test
    void callToACentersNumber_arrivingAsTheShippedDialplanSendsIt_reachesThatCenter() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            Transcript t = server.call(throughTheShippedDialplan("2125550311").withCaller(TestServer.ORDINARY));

            assertThat(t.route()).contains(TestServer.ORDINARY_ROUTE);
            assertThat(t.variables()).containsEntry("ONECALL_STATUS", "DONE");
        }
    }

    @Test
    void aLanguagesOwnLine_andThe911OverflowNumber_workThroughTheShippedDialplan_withoutADnid() throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            // The Spanish line: no language menu, Spanish from the first prompt; 1 1 1: trash, missed pickup.
            Transcript spanish = server.call(throughTheShippedDialplan("2125550312")
                    .withCaller(CallerScript.keys("1", "1")));
            assertThat(spanish.prompts()).doesNotContain("onecall/metro-311/choose-language");
            assertThat(spanish.route()).contains(new Route("metro-311-sanitation", "es", "missed-pickup"));

            Transcript overflow = server.call(throughTheShippedDialplan("2125550911")
                    .withCaller(CallerScript.keys("1", "5", "1")));
            assertThat(overflow.variables()).containsEntry("QUEUE_PRIO", "10");
            assertThat(overflow.prompts()).startsWith("onecall/metro-311/greeting-from-911");
        }
    }

    @Test
    void callToTheAdministratorsNumber_arrivingAsTheShippedDialplanSendsIt_reachesTheAdministratorsEntry()
            throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            Transcript t = server.call(throughTheShippedDialplan("2125550399").withCaller(CallerScript.silent()));

            assertThat(t.prompts()).startsWith("onecall/admin/enter-id");
        }
    }

    /** The emulator's picture of the shipped dialplan stays true to the file. */
    @Test
    void shippedDialplan_runsAgiFromExtensionS_inOnecallAgi_atThePriorityTheEmulatorUses() throws Exception {
        List<String> steps = new ArrayList<>();
        boolean inContext = false;
        for (String line : Files.readAllLines(Path.of("dialplans/extensions_onecall.conf"))) {
            String code = line.replaceFirst(";.*", "").strip();
            if (code.startsWith("[")) {
                inContext = code.equals("[" + Dialplan.SHIPPED.context() + "]");
            } else if (inContext && (code.startsWith("exten =>") || code.startsWith("same =>"))) {
                steps.add(code);
            }
        }
        assertThat(steps).isNotEmpty();
        assertThat(steps.getFirst()).startsWith("exten => " + Dialplan.SHIPPED.extension().orElseThrow() + ",1,");
        assertThat(steps.get(Dialplan.SHIPPED.priority() - 1)).contains("AGI(agi://");
        assertThat(Files.readString(Path.of("dialplans/extensions_onecall.conf")))
                .contains("Set(ONECALL_CENTER_SCRIPT=${EXTEN})\n same => n,Goto(onecall-agi,s,1)");
    }

    /** What the dialplan plays on its own (fallback, 911 trouble) has a text in every language, like the rest. */
    @Test
    void everyPromptTheShippedDialplanPlays_hasATextInEveryLanguage() throws Exception {
        var config = new org.onecall.config.ConfigLoader(Path.of("config"), java.util.Map.of(), java.util.Map.of()).load();
        var played = java.util.regex.Pattern.compile("Playback\\((onecall/[a-z0-9/-]+)\\)")
                .matcher(Files.readString(Path.of("dialplans/extensions_onecall.conf")))
                .results().map(m -> m.group(1)).distinct().toList();
        assertThat(played).contains("onecall/technical-difficulty", "onecall/emergency-not-connected");
        for (String key : played) {
            for (var center : config.centers()) {
                for (String language : center.languages()) {
                    assertThat(config.prompts().text(key, language)).as("%s in %s", key, language).isPresent();
                }
            }
        }
    }
}
