package org.onecall.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecall.routing.Centers.GYEONGGI;
import static org.onecall.routing.Centers.METRO;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.onecall.config.Center;
import org.onecall.routing.CenterSelector.Entry;

/** Which center and entry a call reaches from its script path, dialed number and extension. */
class CenterSelectorTest {
    private static final List<Center> CENTERS = List.of(METRO, GYEONGGI);

    private static Optional<Entry> entry(String script, String dialed, String extension) {
        return CenterSelector.entry(CENTERS, script, dialed, extension);
    }

    @Test
    void script_namingACenter_reachesItsCallers() {
        assertThat(entry("metro-311", "", "s")).contains(new Entry.Callers(METRO));
        assertThat(entry("120", "", "s")).contains(new Entry.Callers(GYEONGGI));
    }

    @Test
    void shippedDialplan_numberInTheScriptPath_extensionS_noDnid_reachesTheCenterOfThatNumber() {
        assertThat(entry("2125550311", "", "s")).contains(new Entry.Callers(METRO));
        assertThat(entry("0311200120", "", "s")).contains(new Entry.Callers(GYEONGGI));
    }

    @Test
    void shippedDialplan_languageLineOrOverflowNumberInTheScriptPath_reachesItsCenter() {
        assertThat(entry("2125550312", "", "s")).contains(new Entry.Callers(METRO));
        assertThat(entry("2125550911", "", "s")).contains(new Entry.Callers(METRO));
    }

    @Test
    void shippedDialplan_adminNumberInTheScriptPath_reachesTheAdministratorsEntry() {
        assertThat(entry("2125550399", "", "s")).contains(new Entry.Administrators(METRO));
        assertThat(entry("0311200199", "", "s")).contains(new Entry.Administrators(GYEONGGI));
    }

    @Test
    void unknownScript_fallsBackToTheDialedNumber_thenTheExtension() {
        assertThat(entry("ivr", "0311200120", "s")).contains(new Entry.Callers(GYEONGGI));
        assertThat(entry("ivr", "", "2125550311")).contains(new Entry.Callers(METRO));
    }

    @Test
    void nothingKnown_reachesNoCenter() {
        assertThat(entry("5550000", "", "s")).isEmpty();
        assertThat(entry("", "", "s")).isEmpty();
    }
}
