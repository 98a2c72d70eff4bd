package org.onecall.store;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * A OneCall stand-in for {@link EmbeddedDatabaseTest}'s kill -9 case, run in its own JVM: starts
 * the embedded MariaDB in a folder, commits one call record, says so on stdout, then waits to be
 * killed. Usage: EmbeddedDatabaseChild folder call-id
 */
public final class EmbeddedDatabaseChild {
    static final String COMMITTED = "row committed: ";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String callId = args[1];
        // Not closed on purpose: the test kills this JVM with SIGKILL, as kill -9 would.
        Database db = Database.open(EmbeddedDatabaseTest.settings(dir));
        try (Connection c = db.connection()) {
            EmbeddedDatabaseTest.insertCall(c, callId);
        }
        System.out.println(COMMITTED + callId);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
