package org.onecall.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** What runs out ends on the board, with its line in the audit, and armed ones can start by themselves again. */
class ExpiriesTest {
    static final Instant T = Instant.parse("2026-11-18T15:00:00Z");
    static final String CENTER = "metro-311";

    final AtomicReference<Instant> now = new AtomicReference<>(T);
    final MemoryBoard board = new MemoryBoard(now::get);
    final Expiries expiries = new Expiries(() -> List.of(CENTER), board, now::get);
    final Actor alice = new Actor.Administrator("alice");

    private AnnouncementState state(String id) {
        return board.current(CENTER).get(id).state();
    }

    @Test
    void anArmedAnnouncementSwitchedOnForAnHour_isArmedAgainAfterIt_andTheAuditSaysWhy() throws Exception {
        board.change(CENTER, "snow", AnnouncementState.ARMED, Optional.empty(), alice, "winter");
        board.change(CENTER, "snow", AnnouncementState.ACTIVE, Optional.of(T.plus(Duration.ofHours(1))), alice, "storm");

        now.set(T.plus(Duration.ofMinutes(59)));
        expiries.run();
        assertThat(state("snow")).isEqualTo(AnnouncementState.ACTIVE);

        now.set(T.plus(Duration.ofMinutes(60)));
        expiries.run();
        expiries.run(); // once only
        assertThat(state("snow")).isEqualTo(AnnouncementState.ARMED);
        List<AuditEntry> audit = board.audit(CENTER, 10);
        assertThat(audit).hasSize(3);
        assertThat(audit.getFirst().actor()).isEqualTo("expiry");
        assertThat(audit.getFirst().from()).isEqualTo(AnnouncementState.ACTIVE);
        assertThat(audit.getFirst().at()).isEqualTo(T.plus(Duration.ofMinutes(60)));
    }

    @Test
    void anAnnouncementSwitchedOnFromOff_isOffAfterItsExpiry() throws Exception {
        board.change(CENTER, "water-main", AnnouncementState.ACTIVE, Optional.of(T.plusSeconds(30)), alice, "main break");
        now.set(T.plusSeconds(31));
        expiries.run();
        assertThat(state("water-main")).isEqualTo(AnnouncementState.OFF);
    }

    @Test
    void aSuppressionThatHasEnded_rearms_andOneWithoutExpiryStays() throws Exception {
        board.change(CENTER, "snow", AnnouncementState.SUPPRESSED, Optional.of(T.plusSeconds(60)), alice, "handled");
        board.change(CENTER, "high-volume", AnnouncementState.ACTIVE, Optional.empty(), alice, "all day");
        now.set(T.plus(Duration.ofDays(2)));
        expiries.run();
        assertThat(state("snow")).isEqualTo(AnnouncementState.ARMED);
        assertThat(state("high-volume")).isEqualTo(AnnouncementState.ACTIVE);
    }

    @Test
    void aChangeMadeSinceTheSnapshot_isNotUndone() throws Exception {
        Announcement seen = board.change(CENTER, "snow", AnnouncementState.ACTIVE, Optional.of(T.plusSeconds(1)), alice,
                "short");
        now.set(T.plusSeconds(5));
        board.change(CENTER, "snow", AnnouncementState.ACTIVE, Optional.of(T.plus(Duration.ofHours(4))), alice,
                "longer after all");
        assertThat(board.changeIfStill(seen, AnnouncementState.OFF, Optional.empty(), new Actor.Expiry(), "expired"))
                .isEmpty();
        assertThat(state("snow")).isEqualTo(AnnouncementState.ACTIVE);
        assertThat(board.changeIfStill(Announcement.never(CENTER, "water-main"), AnnouncementState.ACTIVE,
                Optional.empty(), new Actor.Rule("spike", 300, 60), "spike")).isPresent();
    }
}
