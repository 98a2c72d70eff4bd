package org.onecall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecall.broadcast.Actor;
import org.onecall.broadcast.Announcement;
import org.onecall.broadcast.AnnouncementState;

/** Automatic changes act on a snapshot; on the shared board they never undo a switch made since. */
class DatabaseBoardTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-18T15:00:00.123456789Z"));
    DatabaseBoard board;

    @BeforeEach
    void empty() throws Exception {
        TestDatabase.truncate();
        board = new DatabaseBoard(TestDatabase.database(), now::get);
        board.refresh();
    }

    @Test
    void aRuleActingOnWhatItSaw_changesIt_butNotAfterAnAdministratorSwitchedItMeanwhile() throws Exception {
        board.change("metro-311", "snow", AnnouncementState.ARMED, Optional.empty(), new Actor.Administrator("alice"),
                "winter");
        Announcement seen = board.current("metro-311").get("snow");
        Actor.Rule rule = new Actor.Rule("3x usual", 300, 100);

        now.set(now.get().plusSeconds(1));
        board.change("metro-311", "snow", AnnouncementState.OFF, Optional.empty(), new Actor.Administrator("bob"),
                "not this year");
        assertThat(board.changeIfStill(seen, AnnouncementState.ACTIVE, Optional.empty(), rule, "spike")).isEmpty();
        assertThat(board.current("metro-311").get("snow").state()).isEqualTo(AnnouncementState.OFF);

        Announcement off = board.current("metro-311").get("snow");
        assertThat(board.changeIfStill(off, AnnouncementState.ARMED, Optional.empty(), rule, "as seen")).isPresent();
        assertThat(board.current("metro-311").get("snow").state()).isEqualTo(AnnouncementState.ARMED);
        assertThat(board.changeIfStill(Announcement.never("metro-311", "water-main"), AnnouncementState.ACTIVE,
                Optional.empty(), rule, "never switched before")).isPresent();
        assertThat(board.changeIfStill(Announcement.never("metro-311", "water-main"), AnnouncementState.OFF,
                Optional.empty(), rule, "stale")).isEmpty();
    }

    @Test
    void aSuppressionIsStored_andARecordingIsSharedUntilTheAnnouncementIsSwitchedOff() throws Exception {
        Actor alice = new Actor.Administrator("alice");
        board.change("metro-311", "snow", AnnouncementState.SUPPRESSED, Optional.of(now.get().plusSeconds(3600)), alice,
                "parade");
        assertThat(board.current("metro-311").get("snow").state()).isEqualTo(AnnouncementState.SUPPRESSED);

        board.switchOnRecording("metro-311", "snow", "/var/spool/onecall/metro-311-snow-1", new Actor.Phone("1001"),
                "by phone, new recording");
        DatabaseBoard otherServer = new DatabaseBoard(TestDatabase.database(), now::get);
        otherServer.refresh();
        assertThat(otherServer.current("metro-311").get("snow").recording())
                .contains("/var/spool/onecall/metro-311-snow-1");

        board.change("metro-311", "snow", AnnouncementState.ARMED, Optional.empty(), alice, "keeps it");
        otherServer.refresh();
        assertThat(otherServer.current("metro-311").get("snow").recording()).isPresent();

        board.change("metro-311", "snow", AnnouncementState.OFF, Optional.empty(), alice, "storm over");
        otherServer.refresh();
        assertThat(otherServer.current("metro-311").get("snow").recording()).as("off forgets it").isEmpty();
    }
}
