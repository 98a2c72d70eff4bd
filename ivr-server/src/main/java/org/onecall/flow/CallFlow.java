package org.onecall.flow;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import java.util.Comparator;
import java.util.Map;

import org.onecall.broadcast.Announcement;
import org.onecall.broadcast.Arrivals;
import org.onecall.broadcast.Board;
import org.onecall.config.Center;
import org.onecall.config.PromptKeys;
import org.onecall.config.Target;
import org.onecall.routing.QueueLoad;
import org.onecall.routing.RouteDecision;
import org.onecall.routing.RouteRequest;
import org.onecall.routing.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's journey through a center's menus, which are data: greeting, then from the start
 * menu on, each target leads to the next until the caller reaches a person, hears a goodbye, or
 * is handed to 911. Every route goes through the pure {@link Router}; when every desk is closed
 * the caller hears the hours and the self-service menu, never a closed queue.
 */
final class CallFlow {
    private static final Logger log = LoggerFactory.getLogger(CallFlow.class);
    private static final Duration COLLECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SURVEY_TIMEOUT = Duration.ofSeconds(6);

    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(3);

    private final MenuRunner menus = new MenuRunner();
    private final InstantSource clock;
    private final Board board;
    private final Arrivals arrivals;

    CallFlow(InstantSource clock, Board board, Arrivals arrivals) {
        this.clock = clock;
        this.board = board;
        this.arrivals = arrivals;
    }

    Outcome run(CallPort call, Journey j) {
        Center c = j.center;
        CallInfo info = call.info();
        call.answer();
        arrivals.arrived(c.id(), Optional.empty(), clock.instant());
        call.setVariable("__ONECALL_CALL_ID", info.callId());
        call.setVariable("__ONECALL_CENTER", c.id());
        arrive(info, j);
        // The center's language (or the line's) from the first prompt on; a choice changes it. A
        // caller who never chooses still hears, and is routed and whispered, in this one.
        applyLanguage(call, j.language);
        call.play(j.priority ? c.priority().greeting().orElse(c.prompts().greeting()) : c.prompts().greeting());

        Target next = new Target.ToMenu(c.start());
        while (true) {
            if (++j.steps > Journey.MAX_STEPS) {
                // Once to a person; if even that leads back into menus (desks closed), goodbye.
                next = j.steps == Journey.MAX_STEPS + 1 ? new Target.Agent() : new Target.Goodbye();
                log.info("{} steps without an end: -> {}", Journey.MAX_STEPS, Target.format(next));
            }
            Step step = step(call, j, next);
            switch (step) {
                case Step.Go(Target t) -> next = t;
                case Step.End(Outcome o) -> {
                    return o;
                }
            }
        }
    }

    /** What one target led to: the next target, or the end of the call. */
    sealed interface Step {
        record Go(Target next) implements Step {
        }

        record End(Outcome outcome) implements Step {
        }
    }

    /** The facts of the entry: a language's own line, the caller's city by number, a 911 overflow. */
    private static void arrive(CallInfo info, Journey j) {
        Center c = j.center;
        String line = c.languageLines().get(info.dialed());
        if (line != null) {
            j.language = line;
            j.languageKnown = true;
            log.info("dialed {}: the {} line", info.dialed(), line);
        }
        String caller = info.caller().replaceAll("\\D", "");
        c.cities().values().stream()
                .filter(city -> city.prefixes().stream().anyMatch(p -> !caller.isEmpty() && caller.startsWith(p)))
                .findFirst().ifPresent(city -> {
                    j.city = Optional.of(city.id());
                    log.info("the caller's number places them in {}", city.id());
                });
        j.priority = c.priority().scripts().contains(info.script())
                || (!info.dialed().isEmpty() && c.priority().numbers().contains(info.dialed()));
        if (j.priority) {
            log.info("arrived on the 911 overflow entry: priority {}", c.priority().priority());
        }
    }

    private Step step(CallPort call, Journey j, Target target) {
        Center c = j.center;
        return switch (target) {
            case Target.ToMenu(String id) -> {
                Center.Menu menu = c.menus().get(id);
                if (menu.asks() == Center.Asks.LANGUAGE && j.languageKnown
                        || menu.asks() == Center.Asks.CITY && j.city.isPresent()) {
                    yield new Step.Go(menu.next().orElseThrow());
                }
                if (menu.asks() == Center.Asks.CHOICE && !j.announced) {
                    j.announced = true;
                    Optional<Target> offered = announce(call, j);
                    if (offered.isPresent()) {
                        yield new Step.Go(offered.get());
                    }
                }
                j.path.add("menu:" + id);
                j.lastMenu = id;
                Target chosen = menus.run(call, menu, j);
                yield switch (chosen) {
                    case Target.SetLanguage(String l) -> {
                        setLanguage(call, j, l);
                        j.languageKnown = true;
                        yield new Step.Go(menu.next().orElseThrow());
                    }
                    case Target.SetCity(String city) -> {
                        j.city = Optional.of(city);
                        j.path.add("city:" + city);
                        yield new Step.Go(menu.next().orElseThrow());
                    }
                    default -> new Step.Go(chosen);
                };
            }
            case Target.SetLanguage(String l) -> {
                setLanguage(call, j, l);
                j.languageKnown = true;
                yield new Step.Go(new Target.ToMenu(c.start()));
            }
            case Target.SetCity(String city) -> {
                j.city = Optional.of(city);
                yield new Step.Go(new Target.ToMenu(c.start()));
            }
            case Target.ToInfo(String id) -> {
                Center.Info info = c.infos().get(id);
                j.path.add("info:" + id);
                log.info("self-service: {}", id);
                call.play(info.prompt());
                info.sayDigits().ifPresent(call::sayDigits);
                j.selfServed = true;
                yield new Step.Go(back(j, info.then()));
            }
            case Target.ToCollect(String id) -> {
                Center.Collect collect = c.collects().get(id);
                j.path.add("collect:" + id);
                Input input = call.ask(collect.prompt(), COLLECT_TIMEOUT, collect.digits());
                if (input instanceof Input.Keys(String digits)) {
                    j.entered = Optional.of(digits);
                    j.inputs.add(digits);
                    log.info("collected {} digits for {}", digits.length(), id);
                } else {
                    j.inputs.add("");
                    log.info("collected nothing for {}", id);
                }
                yield new Step.Go(back(j, collect.then()));
            }
            case Target.ToTopic(String topic) -> {
                j.topic = Optional.of(topic);
                arrivals.arrived(c.id(), j.topic, clock.instant());
                j.path.add("topic:" + topic);
                yield route(call, j, false);
            }
            case Target.Agent() -> {
                j.path.add("agent");
                yield route(call, j, false);
            }
            case Target.Interpreter() -> {
                j.path.add("interpreter");
                yield route(call, j, true);
            }
            case Target.Emergency() -> {
                j.path.add("emergency");
                log.info("route: emergency -> handed to the dialplan for 911");
                c.emergency().ifPresent(e -> call.play(e.prompt()));
                yield new Step.End(Outcome.SENT_TO_911);
            }
            case Target.Back() -> new Step.Go(back(j, target));
            case Target.Goodbye() -> {
                j.path.add("goodbye");
                call.play(c.prompts().goodbye());
                // A caller who found every desk busy was offered to an agent, whatever they did next.
                yield new Step.End(j.busyHeard ? Outcome.QUEUE_UNAVAILABLE : j.closedHeard ? Outcome.AFTER_HOURS
                        : j.selfServed ? Outcome.SELF_SERVED : Outcome.NO_CHOICE);
            }
        };
    }

    /**
     * Right after the greeting and the language choice: the active announcements in the caller's
     * language, then, while a topic spikes, that topic first ("about the snow, press 1").
     */
    private Optional<Target> announce(CallPort call, Journey j) {
        Map<String, Announcement> states = board.current(j.center.id());
        List<Center.AnnouncementSpec> playing = j.center.announcements().values().stream()
                .filter(a -> Optional.ofNullable(states.get(a.id())).map(s -> s.playing(clock.instant())).orElse(false))
                // topic announcements before the general one; the file's ids keep the order stable
                .sorted(Comparator.comparing((Center.AnnouncementSpec a) -> a.topic().isEmpty())
                        .thenComparing(Center.AnnouncementSpec::id))
                .toList();
        for (Center.AnnouncementSpec a : playing) {
            log.info("announcement {} plays", a.id());
            j.announcements.add(a.id());
            j.path.add("announcement:" + a.id());
            // A message an administrator recorded by phone replaces the configured one, in every language.
            String prompt = states.get(a.id()).recording().orElse(a.prompt());
            if (a.skippable()) {
                call.playSkippable(prompt);
            } else {
                call.play(prompt);
            }
        }
        for (Center.AnnouncementSpec a : playing) {
            if (a.offer().isPresent() && a.topic().isPresent()) {
                Input input = call.ask(a.offer().get(), OFFER_TIMEOUT, 1);
                j.inputs.add(input instanceof Input.Keys(String d) ? d : "");
                if (input instanceof Input.Keys(String d) && d.equals("1")) {
                    log.info("offer {}: key 1 -> topic:{}", a.id(), a.topic().get());
                    return Optional.of(new Target.ToTopic(a.topic().get()));
                }
                break; // one offer per call: the first, most specific one
            }
        }
        return Optional.empty();
    }

    /** "back" returns to the menu the caller came from. */
    private static Target back(Journey j, Target then) {
        return then instanceof Target.Back ? new Target.ToMenu(j.lastMenu) : then;
    }

    /** The caller chose a language. */
    private static void setLanguage(CallPort call, Journey j, String language) {
        j.language = language;
        j.path.add("language:" + language);
        applyLanguage(call, language);
    }

    private static void applyLanguage(CallPort call, String language) {
        // Asterisk plays every later prompt from sounds/<language>/.
        call.setVariable("CHANNEL(language)", language);
        call.setVariable("__ONECALL_LANG", language);
    }

    private Step route(CallPort call, Journey j, boolean interpreterPath) {
        Center c = j.center;
        RouteRequest request = new RouteRequest(j.topic, j.city, j.language, interpreterPath, j.priority);
        RouteDecision decision = Router.decide(c, request, clock.instant(), new AsteriskLoad(call));
        return switch (decision) {
            case RouteDecision.Closed(List<String> why) -> {
                log.info("route: closed now ({}) -> hours and self-service", String.join("; ", why));
                j.path.add("closed");
                j.closedHeard = true;
                call.play(c.prompts().closed());
                yield new Step.Go(new Target.ToMenu(c.afterHours()));
            }
            case RouteDecision.ToQueue q -> queue(call, j, q, interpreterPath);
        };
    }

    private Step queue(CallPort call, Journey j, RouteDecision.ToQueue decision, boolean interpreterPath) {
        Center c = j.center;
        j.interpreter = decision.interpreter();
        String topic = j.topic.orElse("general");
        call.setVariable("__ONECALL_CITY", j.city.orElse(""));
        call.setVariable("__ONECALL_TOPIC", topic);
        call.setVariable("__ONECALL_PATH", j.pathText());
        call.setVariable("__ONECALL_ENTERED", j.entered.orElse(""));
        call.setVariable("__ONECALL_INTERPRETER", decision.interpreter() ? "yes" : "no");
        if (decision.priority() > 0) {
            call.setVariable("QUEUE_PRIO", Integer.toString(decision.priority()));
        }
        List<String> whisper = whisper(c, j, decision, interpreterPath);
        call.play(c.prompts().connecting());

        LinkedHashSet<String> queues = new LinkedHashSet<>();
        queues.add(decision.queue());
        queues.addAll(decision.fallbacks());
        boolean first = true;
        for (String queue : queues) {
            log.info("route: queue {} ({}{})", queue, first ? String.join("; ", decision.why()) : "fallback",
                    decision.interpreter() ? "; interpreter" : "");
            first = false;
            j.queue = Optional.of(queue);
            j.path.add("queue:" + queue);
            j.inQueue = true;
            java.time.Instant entered = clock.instant();
            if (j.queuedAt.isEmpty()) {
                j.queuedAt = Optional.of(entered);
            }
            QueueResult result = call.queue(queue, c.routing().queueTimeout(), whisper);
            j.inQueue = false;
            log.info("queue {} ended: {}", queue, result);
            if (result instanceof QueueResult.Answered(Optional<Duration> talked, boolean callerLeft)) {
                j.answered = true;
                j.waitTime = talked.map(t -> waitTime(entered, t));
                if (callerLeft) {
                    j.path.add("hangup");
                } else {
                    survey(call, j);
                }
                return new Step.End(Outcome.ANSWERED);
            }
        }
        call.play(c.prompts().busy());
        j.path.add("busy");
        j.busyHeard = true;
        // What the center offers then: a goodbye by default, or self-service; never a dead end.
        log.info("route: every desk unavailable -> {}", Target.format(c.routing().whenBusy()));
        return new Step.Go(c.routing().whenBusy());
    }

    /** The time in the queue less the time with the agent. */
    private Duration waitTime(java.time.Instant entered, Duration talked) {
        Duration wait = Duration.between(entered, clock.instant()).minus(talked);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** What the agent hears before the call connects: "Spanish. Pothole." (plus interpreter, 911). */
    private static List<String> whisper(Center c, Journey j, RouteDecision.ToQueue d, boolean interpreterPath) {
        List<String> w = new ArrayList<>();
        if (d.priority() > 0) {
            w.add(PromptKeys.PRIORITY_WHISPER);
        }
        w.add(PromptKeys.language(interpreterPath ? PromptKeys.OTHER_LANGUAGE : j.language));
        j.topic.map(c.topics()::get).ifPresent(t -> w.add(t.whisper()));
        if (d.interpreter()) {
            w.add(PromptKeys.INTERPRETER_WHISPER);
        }
        return w;
    }

    /** Philly311's practice: a caller who stays on after the agent leaves rates the call. */
    private static void survey(CallPort call, Journey j) {
        Optional<Center.Survey> survey = j.center.survey();
        if (survey.isEmpty()) {
            return;
        }
        j.path.add("survey");
        Input input = call.ask(survey.get().prompt(), SURVEY_TIMEOUT, 1);
        if (input instanceof Input.Keys(String d) && d.length() == 1 && d.charAt(0) >= '1' && d.charAt(0) <= '5') {
            j.surveyScore = OptionalInt.of(d.charAt(0) - '0');
            j.inputs.add(d);
            call.setVariable("ONECALL_SURVEY", d);
            log.info("survey: {} of 5", d);
        } else {
            j.inputs.add(input instanceof Input.Keys(String d) ? d : "");
            log.info("survey: no score");
        }
        call.play(survey.get().thanks());
    }

    /** Queue load as Asterisk reports it, asked only for the desks the router looks at. */
    private record AsteriskLoad(CallPort call) implements QueueLoad {
        @Override
        public int ready(String queue) {
            return number(call.evaluate("${QUEUE_MEMBER(" + queue + ",ready)}"));
        }

        @Override
        public int waiting(String queue) {
            return number(call.evaluate("${QUEUE_WAITING_COUNT(" + queue + ")}"));
        }

        private static int number(String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
