package org.onecall.agi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onecall.flow.CallInfo;
import org.onecall.routing.DialedNumber;

/** Reads the facts the call flow needs out of the agi_ header. */
final class AgiHeader {
    private AgiHeader() {
    }

    static Map<String, String> fields(List<String> header) {
        Map<String, String> fields = new HashMap<>();
        for (String line : header) {
            int colon = line.indexOf(": ");
            fields.put(line.substring(0, colon), line.substring(colon + 2).strip());
        }
        return fields;
    }

    static String callId(Map<String, String> fields, String peer) {
        String id = fields.getOrDefault("agi_uniqueid", "");
        return id.isEmpty() ? "no-uniqueid@" + peer : id;
    }

    static CallInfo callInfo(Map<String, String> fields, String callId) {
        String script = fields.getOrDefault("agi_network_script", "");
        int q = script.indexOf('?');
        if (q >= 0) {
            script = script.substring(0, q);
        }
        script = script.replaceAll("^/+|/+$", "");
        String extension = known(fields.get("agi_extension"));
        // On a Local channel (a transfer, a 911 overflow) agi_dnid is "unknown": the number is in the script path.
        String dialed = DialedNumber.of(known(fields.get("agi_dnid")), script, extension);
        return new CallInfo(callId, script, dialed, extension, known(fields.get("agi_callerid")),
                fields.getOrDefault("agi_channel", ""), fields.getOrDefault("agi_language", "en"));
    }

    /** Asterisk writes "unknown" where it has no value. */
    private static String known(String value) {
        return value == null || value.equals("unknown") ? "" : value;
    }
}
