package org.onecall.emulator;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The agi_ block Asterisk 22 sends first on a FastAGI connection, in its order: {@code launch_netscript}
 * adds agi_network and agi_network_script, {@code setup_env} the rest, then the AGI() arguments and an
 * empty line.
 */
final class AgiHeader {
    static final String VERSION = "22.10.1";
    /** agi_threadid is a pthread id on a real Asterisk; any number of that size will do. */
    private static final long THREAD_ID_BASE = 139_802_805_528_256L;

    private AgiHeader() {
    }

    static List<String> lines(CallSetup setup, InetSocketAddress server) {
        CallerId id = CallerId.of(setup.from(), setup.callerName());
        boolean local = setup.technology().equals("Local");
        List<String> lines = new ArrayList<>();
        lines.add("agi_network: yes");
        if (!setup.script().isEmpty()) {
            lines.add("agi_network_script: " + setup.script());
        }
        lines.add("agi_request: agi://" + server.getHostString() + ":" + server.getPort() + "/" + setup.script());
        lines.add("agi_channel: " + setup.channel());
        lines.add("agi_language: " + setup.language());
        lines.add("agi_type: " + setup.technology());
        lines.add("agi_uniqueid: " + setup.uniqueId());
        lines.add("agi_version: " + VERSION);
        lines.add("agi_callerid: " + id.number().orElse(CallSetup.UNKNOWN));
        lines.add("agi_calleridname: " + id.name().orElse(CallSetup.UNKNOWN));
        lines.add("agi_callingpres: " + id.presentation());
        lines.add("agi_callingani2: 0");
        lines.add("agi_callington: 0");
        lines.add("agi_callingtns: 0");
        // A Local channel carries no dialed number (all traces); a SIP call has the one in its request URI.
        lines.add("agi_dnid: " + (local ? CallSetup.UNKNOWN : setup.to()));
        lines.add("agi_rdnis: " + CallSetup.UNKNOWN);
        lines.add("agi_context: " + setup.dialplan().context());
        lines.add("agi_extension: " + setup.dialplan().extension().orElse(setup.to()));
        lines.add("agi_priority: " + setup.dialplan().priority());
        lines.add("agi_enhanced: 0.0");
        lines.add("agi_accountcode: " + setup.dialplan().accountCode());
        lines.add("agi_threadid: " + (THREAD_ID_BASE + Thread.currentThread().threadId()));
        for (int i = 0; i < setup.args().size(); i++) {
            lines.add("agi_arg_" + (i + 1) + ": " + setup.args().get(i));
        }
        lines.add("");
        return lines;
    }
}
