package org.onecall.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dialed number a language line or a 911 overflow entry is matched on. */
class DialedNumberTest {
    @ParameterizedTest(name = "dnid ''{0}'', script ''{1}'', extension ''{2}'' -> ''{3}''")
    @CsvSource(delimiter = '|', textBlock = """
            # a SIP call: agi_dnid knows the number
            2125550312 | 2125550313     | s          | 2125550312
            2125550312 | metro-311      | 2125550312 | 2125550312
            # the shipped dialplan on a Local channel: the number is only in the script path
            ''         | 2125550312     | s          | 2125550312
            ''         | ivr/2125550313 | s          | 2125550313
            ''         | +12125550314   | s          | +12125550314
            # a dialplan that runs AGI() in the number's own extension
            ''         | metro-311      | 2125550312 | 2125550312
            # names are not numbers
            ''         | 311-911        | s          | ''
            ''         | metro-311      | s          | ''
            ''         | ''             | s          | ''
            ''         | ''             | ''         | ''
            """)
    void dialedNumber_prefersDnid_thenTheScriptPath_thenTheExtension(String dnid, String script, String extension,
                                                                    String expected) {
        assertThat(DialedNumber.of(dnid, script, extension)).isEqualTo(expected);
    }
}
