package org.onecall.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.onecall.TestClock;
import org.onecall.broadcast.PinGuard.Subject;
import org.onecall.broadcast.PinGuard.Verdict;
import org.onecall.config.CallerNumberHash;

/** Wrong PINs at the administrators' phone entry: counted per id and per caller number, locked, released. */
class PhoneAdminPinGuardTest {
    static final String METRO = "metro-311";
    static final PinGuard.Policy THREE_IN_15_MINUTES = new PinGuard.Policy(3, Duration.ofMinutes(15));
    static final Instant T0 = TestClock.ALL_OPEN;

    final TestClock clock = new TestClock(T0);
    final MemoryPinTallies tallies = new MemoryPinTallies();
    static final CallerNumberHash NUMBERS = CallerNumberHash.ofThisProcess();
    final PinGuard guard = new PinGuard(tallies, clock, NUMBERS);

    private void at(Duration sinceStart) {
        clock.set(T0.plus(sinceStart));
    }

    @Test
    void freshGuard_anyIdFromAnyNumber_isOpen() throws Exception {
        assertThat(guard.check(METRO, "1001", "2125550100")).isEqualTo(new Verdict.Open());
    }

    @Test
    void wrongTries_belowTheLimit_lockNothing() throws Exception {
        assertThat(guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();
        assertThat(guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();
        assertThat(guard.check(METRO, "1001", "2125550100")).isEqualTo(new Verdict.Open());
    }

    @Test
    void thirdWrongTry_fromOneNumberForOneId_locksBothForTheLockout() throws Exception {
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        Instant until = T0.plus(Duration.ofMinutes(15));

        assertThat(guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).containsExactly(
                new Verdict.Locked(Subject.ADMIN_ID, until), new Verdict.Locked(Subject.CALLER_NUMBER, until));
        assertThat(guard.check(METRO, "1001", "2125550100")).isEqualTo(new Verdict.Locked(Subject.ADMIN_ID, until));
    }

    @Test
    void lockedId_isLockedFromEveryNumber_evenOneThatNeverFailed() throws Exception {
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        guard.failed(METRO, "1001", "2125550101", THREE_IN_15_MINUTES);
        assertThat(guard.failed(METRO, "1001", "2125550102", THREE_IN_15_MINUTES))
                .containsExactly(new Verdict.Locked(Subject.ADMIN_ID, T0.plus(Duration.ofMinutes(15))));

        assertThat(guard.check(METRO, "1001", "3105550199")).isInstanceOf(Verdict.Locked.class);
        assertThat(guard.check(METRO, "1002", "2125550100")).isEqualTo(new Verdict.Open());
    }

    @Test
    void lockedNumber_isLockedForEveryId_evenTheRightOne() throws Exception {
        guard.failed(METRO, "7", "2125550100", THREE_IN_15_MINUTES);
        guard.failed(METRO, "8", "2125550100", THREE_IN_15_MINUTES);
        assertThat(guard.failed(METRO, "9", "2125550100", THREE_IN_15_MINUTES))
                .containsExactly(new Verdict.Locked(Subject.CALLER_NUMBER, T0.plus(Duration.ofMinutes(15))));

        assertThat(guard.check(METRO, "1001", "2125550100"))
                .isEqualTo(new Verdict.Locked(Subject.CALLER_NUMBER, T0.plus(Duration.ofMinutes(15))));
        assertThat(guard.check(METRO, "1001", "3105550199")).isEqualTo(new Verdict.Open());
    }

    @Test
    void lockout_expires_andTheIdMayTryAgain() throws Exception {
        for (int i = 0; i < 3; i++) {
            guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        }
        at(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(guard.check(METRO, "1001", "2125550100")).isInstanceOf(Verdict.Locked.class);

        at(Duration.ofMinutes(15));
        assertThat(guard.check(METRO, "1001", "2125550100")).isEqualTo(new Verdict.Open());
        // A fresh start: one more wrong try does not lock again at once.
        assertThat(guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();
    }

    @Test
    void wrongTries_spreadWiderThanTheLockout_neverLock() throws Exception {
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        at(Duration.ofMinutes(10));
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        at(Duration.ofMinutes(20));
        // The first try is more than 15 minutes old: two in the window.
        assertThat(guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();
        assertThat(guard.check(METRO, "1001", "2125550100")).isEqualTo(new Verdict.Open());
    }

    @Test
    void rightPin_clearsEarlierWrongTriesOfTheIdAndTheNumber() throws Exception {
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        guard.succeeded(METRO, "1001", "2125550100");

        assertThat(guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();
        assertThat(guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isEmpty();
    }

    @Test
    void rightPin_afterAnotherServerLockedTheIdMeanwhile_isRefused_andTheLockoutStays() throws Exception {
        PinGuard otherServer = new PinGuard(tallies, clock, NUMBERS);
        assertThat(guard.check(METRO, "1001", "2125550100")).isEqualTo(new Verdict.Open());
        // While this server checks the PIN, three wrong tries on the other lock the id.
        for (int i = 0; i < 3; i++) {
            otherServer.failed(METRO, "1001", "2125550177", THREE_IN_15_MINUTES);
        }

        assertThat(guard.succeeded(METRO, "1001", "2125550100"))
                .isEqualTo(new Verdict.Locked(Subject.ADMIN_ID, T0.plus(Duration.ofMinutes(15))));
        assertThat(guard.check(METRO, "1001", "2125550100")).isInstanceOf(Verdict.Locked.class);
    }

    @Test
    void callersWithoutANumber_areCountedTogether() throws Exception {
        guard.failed(METRO, "7", "", THREE_IN_15_MINUTES);
        guard.failed(METRO, "8", "", THREE_IN_15_MINUTES);
        assertThat(guard.failed(METRO, "9", "", THREE_IN_15_MINUTES))
                .extracting(Verdict.Locked::subject).containsExactly(Subject.CALLER_NUMBER);
        assertThat(guard.check(METRO, "1001", "")).isInstanceOf(Verdict.Locked.class);
    }

    @Test
    void sameIdInAnotherCenter_isCountedApart() throws Exception {
        for (int i = 0; i < 3; i++) {
            guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        }
        assertThat(guard.check("gyeonggi-120", "1001", "0319031234")).isEqualTo(new Verdict.Open());
    }

    @Test
    void numbersAreCompared_byTheirDigits() throws Exception {
        for (int i = 0; i < 3; i++) {
            guard.failed(METRO, Integer.toString(i), "+1 (212) 555-0100", THREE_IN_15_MINUTES);
        }
        assertThat(guard.check(METRO, "1001", "12125550100")).isInstanceOf(Verdict.Locked.class);
    }

    @Test
    void oldTallies_areForgotten_soGuessedIdsDoNotPileUpInMemory() throws Exception {
        for (int i = 0; i < 100; i++) {
            guard.failed(METRO, "9" + i, "21255501" + i, THREE_IN_15_MINUTES);
        }
        assertThat(tallies.remembered()).isEqualTo(200);
        at(Duration.ofMinutes(16));
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        assertThat(tallies.remembered()).isEqualTo(2);
    }

    @Test
    void tally_failAtTheLimit_startsALockoutAndForgetsTheTries() throws Exception {
        PinGuard.Tally t = PinGuard.Tally.NONE.fail(T0, THREE_IN_15_MINUTES)
                .fail(T0.plusSeconds(1), THREE_IN_15_MINUTES).fail(T0.plusSeconds(2), THREE_IN_15_MINUTES);
        assertThat(t.failures()).isEmpty();
        assertThat(t.lockedUntil()).contains(T0.plusSeconds(2).plus(Duration.ofMinutes(15)));
        assertThat(t.locked(T0.plusSeconds(3))).isTrue();
    }

    @Test
    void callerNumbers_areCountedByTheirHash_neverKept() throws Exception {
        guard.failed(METRO, "1001", "+1 (212) 555-0100", THREE_IN_15_MINUTES);

        PinGuard.Key byNumber = new PinGuard.Key(METRO, Subject.CALLER_NUMBER,
                NUMBERS.of(METRO, "12125550100"));
        assertThat(tallies.read(byNumber).failures()).containsExactly(T0);
        assertThat(byNumber.value()).doesNotContain("2125550100");
        assertThat(tallies.read(new PinGuard.Key(METRO, Subject.CALLER_NUMBER, "12125550100")))
                .isEqualTo(PinGuard.Tally.NONE);
    }

    @Test
    void forgetting_goesByEachCentersOwnLockout() throws Exception {
        PinGuard.Policy threeInAnHour = new PinGuard.Policy(3, Duration.ofHours(1));
        guard.failed("gyeonggi-120", "1001", "0319031234", threeInAnHour);
        guard.failed("gyeonggi-120", "1001", "0319031234", threeInAnHour);
        at(Duration.ofMinutes(30));
        // metro-311's sweep forgets what is 15 minutes old in metro-311 only.
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);

        assertThat(guard.failed("gyeonggi-120", "1001", "0319031234", threeInAnHour))
                .extracting(Verdict.Locked::subject).containsExactly(Subject.ADMIN_ID, Subject.CALLER_NUMBER);
    }

    @Test
    void twoGuardsOnTheSameTallies_addUpTheirWrongTries_asTwoServersOfACenterDo() throws Exception {
        PinGuard otherServer = new PinGuard(tallies, clock, NUMBERS);
        guard.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES);
        otherServer.failed(METRO, "1001", "2125550101", THREE_IN_15_MINUTES);
        guard.failed(METRO, "1001", "2125550102", THREE_IN_15_MINUTES);

        assertThat(otherServer.check(METRO, "1001", "3105550199")).isInstanceOf(Verdict.Locked.class);
    }

    @Test
    void talliesOutOfReach_everyQuestionFails_soNoTryGoesUncounted() {
        PinTallies.Unavailable away = new PinTallies.Unavailable("database away", null);
        PinGuard cut = new PinGuard(new PinTallies() {
            @Override
            public PinGuard.Tally read(PinGuard.Key key) throws Unavailable {
                throw away;
            }

            @Override
            public Change update(PinGuard.Key key, Instant now, java.util.function.UnaryOperator<PinGuard.Tally> change)
                    throws Unavailable {
                throw away;
            }

            @Override
            public void clear(PinGuard.Key key) throws Unavailable {
                throw away;
            }

            @Override
            public void forget(String center, Instant now, Duration window) throws Unavailable {
                throw away;
            }
        }, clock, NUMBERS);

        assertThatThrownBy(() -> cut.check(METRO, "1001", "2125550100")).isSameAs(away);
        assertThatThrownBy(() -> cut.failed(METRO, "1001", "2125550100", THREE_IN_15_MINUTES)).isSameAs(away);
        assertThatThrownBy(() -> cut.succeeded(METRO, "1001", "2125550100")).isSameAs(away);
    }
}
