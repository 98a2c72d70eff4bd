package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema comes from versioned migrations, from an empty database and from the version before. */
class MigrationTest {
    private final Database db = TestDatabase.database();

    @BeforeEach
    void emptyDatabase() throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS call_input, call_record, announcement_audit, announcement_state,"
                    + " call_arrival, pin_failure, pin_tally, shared_key, flyway_schema_history");
        }
    }

    @AfterEach
    void latestSchemaForTheOtherTests() {
        flyway(null).migrate();
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private String version() throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history WHERE success")) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void emptyDatabase_isMigratedToTheLatestVersion() throws SQLException {
        assertThat(flyway(null).migrate().migrationsExecuted).isEqualTo(7);
        assertThat(version()).isEqualTo("7");
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO call_record (call_id, center, dialed, started_at, ended_at, language, path, outcome,"
                    + " menu_ms, district, announcements) VALUES ('1.1', 'metro-311', '311', NOW(), NOW(), 'en', 'x',"
                    + " 'ANSWERED', 10, 'manhattan', 'snow')");
        }
    }

    @Test
    void previousVersion_isUpgraded_keepingItsRecords() throws SQLException {
        flyway("1").migrate();
        assertThat(version()).isEqualTo("1");
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO call_record (call_id, center, dialed, started_at, ended_at, language, path, outcome,"
                    + " menu_ms) VALUES ('1795540000.7', 'metro-311', '311', '2026-01-05 14:00:00', '2026-01-05 14:03:00',"
                    + " 'es', 'menu:main>topic:pothole', 'ANSWERED', 4200)");
            s.execute("INSERT INTO call_input (call_id, seq, kind, value) VALUES ('1795540000.7', 0, 'key', '2')");
        }

        assertThat(flyway(null).migrate().migrationsExecuted).isEqualTo(6);

        assertThat(version()).isEqualTo("7");
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT language, menu_ms, district, announcements,"
                     + " (SELECT COUNT(*) FROM call_input i WHERE i.call_id = r.call_id)"
                     + " FROM call_record r WHERE call_id = '1795540000.7'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("es");
            assertThat(r.getInt(2)).isEqualTo(4200);
            assertThat(r.getString(3)).isNull();
            assertThat(r.getString(4)).isNull();
            assertThat(r.getInt(5)).isEqualTo(1);
        }
    }
}
