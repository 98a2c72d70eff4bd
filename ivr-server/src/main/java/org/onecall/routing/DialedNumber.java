package org.onecall.routing;

import java.util.regex.Pattern;

/**
 * The number a caller dialed, from what Asterisk tells about the call. agi_dnid says it when the
 * channel knows it; a Local channel (a transfer, a 911 overflow) has none. The shipped dialplan
 * then passes the number as the AGI script path and runs AGI() from extension s, so the script
 * path's last segment comes next, and the extension last (a dialplan that runs AGI() in the
 * number's own extension). Names such as "metro-311" or "s" are not numbers.
 */
public final class DialedNumber {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]+");

    private DialedNumber() {
    }

    /**
     * @param dnid      agi_dnid, empty when Asterisk does not know it
     * @param script    the AGI script path without its query, e.g. "311" or "ivr/2125550312"
     * @param extension agi_extension
     * @return the dialed number, or empty when none of them is one
     */
    public static String of(String dnid, String script, String extension) {
        if (!dnid.isEmpty()) {
            return dnid;
        }
        String lastSegment = script.substring(script.lastIndexOf('/') + 1);
        if (NUMBER.matcher(lastSegment).matches()) {
            return lastSegment;
        }
        return NUMBER.matcher(extension).matches() ? extension : "";
    }
}
