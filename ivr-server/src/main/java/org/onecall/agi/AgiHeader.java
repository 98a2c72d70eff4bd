package org.onecall.agi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onecall.flow.CallInfo;

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
        return new CallInfo(callId, script.replaceAll("^/+|/+$", ""), known(fields.get("agi_dnid")),
                known(fields.get("agi_extension")), known(fields.get("agi_callerid")),
                fields.getOrDefault("agi_channel", ""), fields.getOrDefault("agi_language", "en"));
    }

    /** Asterisk writes "unknown" where it has no value. */
    private static String known(String value) {
        return value == null || value.equals("unknown") ? "" : value;
    }
}
