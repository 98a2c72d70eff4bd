package org.onecall.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A call's district is the same on every run, whatever order the districts come in. */
class RecordPoliciesTest {
    private static final String CALLER = "+1 (212) 555-0123";
    private static final Optional<String> CITY = Optional.of("new-york");

    /** Ten districts that each match the caller's number, one more precisely than the other. */
    private static Map<String, List<String>> nested() {
        Map<String, List<String>> districts = new HashMap<>();
        String number = "2125550123";
        for (int n = 1; n <= 9; n++) {
            districts.put("prefix-" + n, List.of(number.substring(0, n)));
        }
        districts.put("brooklyn", List.of("718", "11201"));
        return Map.copyOf(districts);
    }

    private static Optional<String> district(Map<String, List<String>> districts, String caller, String entered) {
        return RecordPolicies.district(districts, caller, Optional.ofNullable(entered), CITY);
    }

    @Test
    void enteredZip_ofADistrict_winsOverTheCallersNumber() {
        assertThat(district(nested(), CALLER, "11201")).hasValue("brooklyn");
    }

    @Test
    void withoutAnEnteredZip_theLongestMatchingPrefixWins() {
        assertThat(district(nested(), CALLER, null)).hasValue("prefix-9");
        assertThat(district(nested(), "12125559999", null)).as("with the country code").hasValue("prefix-6");
    }

    @Test
    void enteredValue_thatIsNoDistrictsZip_leavesItToTheNumber() {
        assertThat(district(nested(), "2125550000", "99999")).hasValue("prefix-7");
    }

    @Test
    void twoDistrictsWithTheSameCode_theFirstByNameWins_onEveryRun() {
        for (String other : List.of("queens", "staten-island", "manhattan-south", "zz")) {
            Map<String, List<String>> districts = Map.copyOf(Map.of(other, List.of("212", "10001"),
                    "manhattan", List.of("212", "10001")));
            String first = other.compareTo("manhattan") < 0 ? other : "manhattan";
            assertThat(district(districts, CALLER, null)).as(other).hasValue(first);
            assertThat(district(districts, "7185550000", "10001")).as(other).hasValue(first);
        }
    }

    @Test
    void noMatch_isTheCity_andAHiddenNumberToo() {
        assertThat(district(nested(), "3125550123", "60601")).isEqualTo(CITY);
        assertThat(district(nested(), "anonymous", null)).isEqualTo(CITY);
        assertThat(district(Map.of(), "", null)).isEqualTo(CITY);
    }
}
