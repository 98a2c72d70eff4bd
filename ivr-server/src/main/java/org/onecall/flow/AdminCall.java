package org.onecall.flow;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.onecall.broadcast.Actor;
import org.onecall.broadcast.Announcement;
import org.onecall.broadcast.AnnouncementState;
import org.onecall.broadcast.Board;
import org.onecall.broadcast.PinGuard;
import org.onecall.broadcast.PinTallies;
import org.onecall.config.Center;
import org.onecall.config.Durations;
import org.onecall.config.PinHash;
import org.onecall.config.PromptKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrators' phone entry: an id and a PIN, then the center's announcements read out by
 * number with their state; picking one switches it on, arms it or switches it off, or records a
 * new message for it and switches it on. It speaks the center's default language.
 *
 * <p>Wrong ids and PINs are limited per call and, through the {@link PinGuard}, per id and per
 * caller number; each one is logged with the id and the caller, never with the PIN. Digits that
 * are no administrator's id are logged by their length only: they may be a PIN keyed at the
 * wrong prompt. When the guard's tallies are out of reach nobody signs in: the caller hears the
 * lockout prompt.
 */
final class AdminCall {
    private static final Logger log = LoggerFactory.getLogger(AdminCall.class);
    private static final Duration KEYS_TIMEOUT = Duration.ofSeconds(10);
    /** Silences in a row, or wrong keys at one menu, before the entry moves on. */
    private static final int TRIES = 3;
    /** Someone reading out a message pauses between sentences; five quiet seconds mean they are done. */
    private static final Duration RECORDING_SILENCE = Duration.ofSeconds(5);
    /** A take this short is a slip on '#', not a message. */
    private static final Duration SHORTEST_MESSAGE = Duration.ofSeconds(1);
    /** Takes per visit: trying again is welcome, not forever. */
    private static final int MAX_TAKES = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final InstantSource clock;
    private final Board board;
    private final PinGuard guard;
    /**
     * One PIN check at a time on this server. Each costs about 0.2 s of a processor by design
     * (see PinHash); many callers keying PINs at once, an attack say, then wait in line for
     * one core instead of taking all of them from the residents' calls.
     */
    private final Semaphore checking = new Semaphore(1, true);

    AdminCall(InstantSource clock, Board board, PinGuard guard) {
        this.clock = clock;
        this.board = board;
        this.guard = guard;
    }

    /** One signed-in administrator's call. */
    private record Session(CallPort call, Center center, Center.AdminEntry entry, Center.PhoneAdmin admin,
                           Path recordingsDir, List<Center.AnnouncementSpec> announcements) {
    }

    void run(CallPort call, Center center, Path recordingsDir) {
        Center.AdminEntry entry = center.adminEntry().orElseThrow();
        String ending;
        try {
            call.answer();
            // Asterisk plays the prompts from sounds/<language>/: the entry speaks the default language only.
            call.setVariable("CHANNEL(language)", center.defaultLanguage());
            Optional<Center.PhoneAdmin> admin;
            try {
                admin = signIn(call, center, entry);
            } catch (PinTallies.Unavailable e) {
                // Fail closed: an administrator kept out while the database is away (when nothing could be
                // switched anyway) is better than a guesser whose tries go uncounted.
                log.warn("refused the administrators' entry to {}: wrong PINs cannot be counted ({}), so no PIN"
                        + " is tried", from(call.info().caller()), e.getMessage());
                call.play(PromptKeys.ADMIN_LOCKED);
                admin = Optional.empty();
            }
            if (admin.isPresent()) {
                // Numbered in the order of their ids, so a number means the same on every call.
                List<Center.AnnouncementSpec> list = center.announcements().values().stream()
                        .sorted(Comparator.comparing(Center.AnnouncementSpec::id)).toList();
                menu(new Session(call, center, entry, admin.get(), recordingsDir, list));
                call.play(center.prompts().goodbye());
            }
            // The dialplan must not take an administrator's call for a caller to queue.
            call.setVariable(CallHandler.STATUS_VARIABLE, "DONE");
            call.hangup();
            ending = admin.map(a -> "administrator " + a.id() + " done").orElse("nobody signed in");
        } catch (CallerHungUp e) {
            ending = "hung up";
        }
        log.info("administrators' call ended: {}", ending);
    }

    // --- signing in

    private Optional<Center.PhoneAdmin> signIn(CallPort call, Center c, Center.AdminEntry entry)
            throws PinTallies.Unavailable {
        String caller = call.info().caller();
        String from = from(caller);
        PinGuard.Policy policy = new PinGuard.Policy(entry.maxTries(), entry.lockout());
        int wrong = 0;
        int silent = 0;
        while (true) {
            Input idInput = call.ask(PromptKeys.ADMIN_ENTER_ID, KEYS_TIMEOUT, Center.PhoneAdmin.MAX_ID_DIGITS);
            if (!(idInput instanceof Input.Keys(String id))) {
                if (++silent >= TRIES) {
                    log.info("administrators' entry: no id after {} tries", TRIES);
                    return Optional.empty();
                }
                call.play(c.prompts().noInput());
                continue;
            }
            silent = 0;
            Input pinInput = call.ask(PromptKeys.ADMIN_ENTER_PIN, KEYS_TIMEOUT, Center.PhoneAdmin.MAX_PIN_DIGITS);
            String pin = pinInput instanceof Input.Keys(String digits) ? digits : "";
            Optional<Center.PhoneAdmin> known = Optional.ofNullable(entry.admins().get(id));
            String who = known.map(a -> "administrator " + a.id() + " (" + a.name() + ")")
                    .orElse("an unknown id of " + id.length() + (id.length() == 1 ? " digit" : " digits"));

            Attempt attempt = attempt(c, entry, id, caller, known, pin, policy);
            if (attempt instanceof Attempt.Refused(PinGuard.Verdict.Locked(PinGuard.Subject subject, Instant until))) {
                log.warn("refused {} from {}: the {} is locked until {}", who, from, describe(subject), until);
                call.play(PromptKeys.ADMIN_LOCKED);
                return Optional.empty();
            }
            if (attempt instanceof Attempt.SignedIn) {
                log.info("{} signed in from {}", who, from);
                return known;
            }
            List<PinGuard.Verdict.Locked> locked = ((Attempt.Wrong) attempt).locked();
            wrong++;
            log.warn("wrong {} for {} from {} (wrong try {} of {} on this call)", known.isPresent() ? "PIN" : "id",
                    who, from, wrong, entry.maxTries());
            for (PinGuard.Verdict.Locked l : locked) {
                log.warn("locked the {} of {} from {} for {} after {} wrong tries within {}", describe(l.subject()),
                        who, from, Durations.format(entry.lockout()), entry.maxTries(),
                        Durations.format(entry.lockout()));
            }
            if (!locked.isEmpty() || wrong >= entry.maxTries()) {
                if (locked.isEmpty()) {
                    log.warn("{} wrong tries on one call from {}: ending it", wrong, from);
                }
                call.play(PromptKeys.ADMIN_LOCKED);
                return Optional.empty();
            }
            call.play(PromptKeys.ADMIN_WRONG);
        }
    }

    private static String from(String caller) {
        return caller.isEmpty() ? "an unknown number" : "caller " + caller;
    }

    /** What one id-and-PIN try came to. */
    private sealed interface Attempt {
        /** The id or the number is locked: the PIN was not even looked at. */
        record Refused(PinGuard.Verdict.Locked lock) implements Attempt {
        }

        record SignedIn() implements Attempt {
        }

        /** A wrong id or PIN, counted; the lockouts it started. */
        record Wrong(List<PinGuard.Verdict.Locked> locked) implements Attempt {
        }
    }

    /**
     * Checks the lockout, the PIN and counts the try as one step, one try at a time on this
     * server. Were the lockout checked before waiting for the PIN check, callers trying in
     * parallel would all pass it before any of their tries counted: as many guesses as lines.
     * A right PIN is refused if another server locked the id or number meanwhile.
     */
    private Attempt attempt(Center c, Center.AdminEntry entry, String id, String caller,
                            Optional<Center.PhoneAdmin> known, String pin, PinGuard.Policy policy)
            throws PinTallies.Unavailable {
        checking.acquireUninterruptibly();
        try {
            if (guard.check(c.id(), id, caller) instanceof PinGuard.Verdict.Locked l) {
                return new Attempt.Refused(l);
            }
            // An unknown id is checked against a decoy of the same cost: a wrong id then takes as
            // long as a wrong PIN, so the time of the answer does not tell which ids exist.
            PinHash against = known.map(Center.PhoneAdmin::pin).orElseGet(() -> PinHash.decoy(entry.admins().values()
                    .stream().mapToInt(a -> a.pin().iterations()).max().orElse(PinHash.ITERATIONS)));
            if (against.matches(pin) && known.isPresent()) {
                return switch (guard.succeeded(c.id(), id, caller)) {
                    case PinGuard.Verdict.Locked l -> new Attempt.Refused(l);
                    case PinGuard.Verdict.Open o -> new Attempt.SignedIn();
                };
            }
            return new Attempt.Wrong(guard.failed(c.id(), id, caller, policy));
        } finally {
            checking.release();
        }
    }

    private static String describe(PinGuard.Subject subject) {
        return switch (subject) {
            case ADMIN_ID -> "administrator id";
            case CALLER_NUMBER -> "caller number";
        };
    }

    // --- the announcements

    private void menu(Session s) {
        CallPort call = s.call();
        readOut(s);
        int silent = 0;
        while (true) {
            Input choice = call.ask(PromptKeys.ADMIN_CHOOSE, KEYS_TIMEOUT, 2);
            switch (choice) {
                case Input.NoInput() -> {
                    if (++silent >= TRIES) {
                        return;
                    }
                    call.play(s.center().prompts().noInput());
                }
                case Input.Keys(String digits) -> {
                    silent = 0;
                    int n = digits.matches("[0-9]+") ? Integer.parseInt(digits) : 0;
                    if (digits.equals("*")) {
                        readOut(s);
                    } else if (n >= 1 && n <= s.announcements().size()) {
                        announcement(s, n);
                        readOut(s);
                    } else {
                        call.play(s.center().prompts().invalid());
                    }
                }
            }
        }
    }

    /** "Announcement 1 is off. Announcement 2 is on. ..." */
    private void readOut(Session s) {
        for (int n = 1; n <= s.announcements().size(); n++) {
            say(s, n, state(s, s.announcements().get(n - 1)));
        }
    }

    private void say(Session s, int n, AnnouncementState state) {
        s.call().play(PromptKeys.ADMIN_ANNOUNCEMENT);
        s.call().sayDigits(Integer.toString(n));
        s.call().play(switch (state) {
            case ACTIVE -> PromptKeys.ADMIN_IS_ON;
            case ARMED -> PromptKeys.ADMIN_IS_ARMED;
            // Suppressed plays to nobody and starts by itself only after its period: off, as heard by phone.
            case OFF, SUPPRESSED -> PromptKeys.ADMIN_IS_OFF;
        });
    }

    /** What callers get now: an active announcement past its expiry is as good as off. */
    private AnnouncementState state(Session s, Center.AnnouncementSpec spec) {
        Announcement a = board.current(s.center().id()).get(spec.id());
        if (a == null || a.state() == AnnouncementState.ACTIVE && !a.playing(clock.instant())) {
            return AnnouncementState.OFF;
        }
        return a.state();
    }

    private void announcement(Session s, int n) {
        CallPort call = s.call();
        Center.AnnouncementSpec spec = s.announcements().get(n - 1);
        // What callers hear when it is on, so the administrator knows which one this is; any key skips it.
        call.playSkippable(Optional.ofNullable(board.current(s.center().id()).get(spec.id()))
                .flatMap(Announcement::recording).orElse(spec.prompt()));
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            Input input = call.ask(PromptKeys.ADMIN_ACTIONS, KEYS_TIMEOUT, 1);
            switch (input) {
                case Input.NoInput() -> call.play(s.center().prompts().noInput());
                case Input.Keys(String key) -> {
                    switch (key) {
                        case "1" -> {
                            switchTo(s, n, AnnouncementState.ACTIVE, "by phone", Optional.empty());
                            return;
                        }
                        case "2" -> {
                            switchTo(s, n, AnnouncementState.ARMED, "by phone", Optional.empty());
                            return;
                        }
                        case "3" -> {
                            // Off forgets a recorded message: it was for this emergency, not the next one.
                            switchTo(s, n, AnnouncementState.OFF, "by phone", Optional.empty());
                            return;
                        }
                        case "9" -> {
                            record(s, n);
                            return;
                        }
                        case "*" -> {
                            return;
                        }
                        default -> call.play(s.center().prompts().invalid());
                    }
                }
            }
        }
    }

    /**
     * Changes the board (on with a new recording, when there is one), then confirms: "Done.
     * Announcement 2 is on." Says so when the change could not be stored, and then nothing else happens.
     */
    private void switchTo(Session s, int n, AnnouncementState to, String reason, Optional<String> recording) {
        Center.AnnouncementSpec spec = s.announcements().get(n - 1);
        Actor.Phone by = new Actor.Phone(s.admin().id());
        try {
            if (recording.isPresent()) {
                board.switchOnRecording(s.center().id(), spec.id(), recording.get(), by, reason);
            } else {
                board.change(s.center().id(), spec.id(), to, Optional.empty(), by, reason);
            }
        } catch (Board.BoardException e) {
            log.warn("administrator {} could not switch {} to {}: {}", s.admin().id(), spec.id(), to, e.getMessage());
            s.call().play(PromptKeys.ADMIN_NOT_SAVED);
            return;
        }
        log.info("administrator {} switched announcement {} to {} ({})", s.admin().id(), spec.id(), to, reason);
        s.call().play(PromptKeys.ADMIN_DONE);
        say(s, n, to);
    }

    // --- recording a new message

    private enum Take {
        KEEP, AGAIN, CANCEL
    }

    private void record(Session s, int n) {
        CallPort call = s.call();
        Center.AnnouncementSpec spec = s.announcements().get(n - 1);
        // A new name for each visit: the message callers hear now is never overwritten by a take.
        String name = s.center().id() + "-" + spec.id() + "-" + STAMP.format(clock.instant());
        String file = s.recordingsDir().resolve(name).toString();
        for (int take = 1; take <= MAX_TAKES; take++) {
            call.play(PromptKeys.ADMIN_RECORD);
            switch (call.record(file, s.entry().maxRecording(), RECORDING_SILENCE)) {
                case Recording.Failed(String why) -> {
                    log.warn("administrator {}: recording for {} into {} failed ({}): can Asterisk write there?",
                            s.admin().id(), spec.id(), file, why);
                    call.play(PromptKeys.ADMIN_NOT_RECORDED);
                    return;
                }
                case Recording.Saved(Duration length) -> {
                    if (length.compareTo(SHORTEST_MESSAGE) < 0) {
                        log.info("administrator {}: a take of {} ms for {} is too short", s.admin().id(),
                                length.toMillis(), spec.id());
                        call.play(PromptKeys.ADMIN_NOT_RECORDED);
                        continue;
                    }
                    log.info("administrator {} recorded {} ms for {} into {}", s.admin().id(), length.toMillis(),
                            spec.id(), file);
                }
            }
            call.play(PromptKeys.ADMIN_YOU_RECORDED);
            call.play(file);
            switch (keepOrAgain(s)) {
                case KEEP -> {
                    // From the next call on, callers hear the new message: the recording replaces the prompt.
                    switchTo(s, n, AnnouncementState.ACTIVE, "by phone, new recording " + name,
                            Optional.of(file));
                    return;
                }
                case AGAIN -> {
                }
                case CANCEL -> {
                    log.info("administrator {}: recording for {} not kept", s.admin().id(), spec.id());
                    return;
                }
            }
        }
    }

    private Take keepOrAgain(Session s) {
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            Input input = s.call().ask(PromptKeys.ADMIN_KEEP, KEYS_TIMEOUT, 1);
            switch (input) {
                case Input.NoInput() -> s.call().play(s.center().prompts().noInput());
                case Input.Keys(String key) -> {
                    switch (key) {
                        case "1" -> {
                            return Take.KEEP;
                        }
                        case "2" -> {
                            return Take.AGAIN;
                        }
                        case "*" -> {
                            return Take.CANCEL;
                        }
                        default -> s.call().play(s.center().prompts().invalid());
                    }
                }
            }
        }
        return Take.CANCEL;
    }

}
