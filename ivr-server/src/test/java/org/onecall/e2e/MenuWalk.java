package org.onecall.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.onecall.config.Center;
import org.onecall.config.PromptKeys;
import org.onecall.config.Target;

/**
 * A center's menus as a caller walks them, read from the loaded {@link Center}: every menu a caller
 * reaches from the start menu and every key path to a leaf, so a new menu or option is covered
 * without editing a test.
 *
 * <p>What a caller should hear and where the call should end is worked out here from the config by
 * the rules a 311 supervisor would state, not by calling the server's router: the caller's city's
 * desk, else the topic's desk, if its agents speak the caller's language, else the general desk; at
 * night only 24/7 desks answer, and a caller whom nobody can answer hears the hours and the
 * after-hours menu.
 */
final class MenuWalk {
    /** Digits a caller keys where a number is collected, cut to its length. */
    private static final String DIGITS = "12345678901234567890";

    private MenuWalk() {
    }

    /** What the caller has chosen so far; a center's default language until they choose one. */
    record Facts(Optional<String> language, Optional<String> city) {
        static final Facts NONE = new Facts(Optional.empty(), Optional.empty());

        String language(Center c) {
            return language.orElse(c.defaultLanguage());
        }
    }

    /** One key pressed at one menu, and the option's target. */
    record Press(Center.Menu menu, char key, Target target) {
    }

    /**
     * A menu as the caller reaches it.
     *
     * @param way        the keys pressed on the way, each at its menu
     * @param afterHours reached because the desk the caller needed was closed: the caller heard the hours first
     */
    record Stop(Center center, Center.Menu menu, List<Press> way, Facts facts, boolean afterHours) {
        Stop {
            way = List.copyOf(way);
        }

        /** The key entries that bring a caller here. */
        List<String> keys() {
            return way.stream().map(p -> String.valueOf(p.key())).toList();
        }

        /** Everything the caller heard before this menu's prompt: the greeting, each menu on the way, the hours. */
        List<String> heardBefore() {
            List<String> heard = new ArrayList<>();
            heard.add(center.prompts().greeting());
            way.forEach(p -> heard.add(p.menu().prompt()));
            if (afterHours) {
                heard.add(center.prompts().closed());
            }
            return heard;
        }

        /** ONECALL_PATH as it stands in this menu: each menu and the language or city chosen there. */
        List<String> path() {
            List<String> path = new ArrayList<>();
            for (Press p : way) {
                path.add("menu:" + p.menu().id());
                switch (p.target()) {
                    case Target.SetLanguage(String l) -> path.add("language:" + l);
                    case Target.SetCity(String city) -> path.add("city:" + city);
                    case Target.ToTopic(String t) -> path.addAll(List.of("topic:" + t, "closed"));
                    default -> {
                    }
                }
            }
            path.add("menu:" + menu.id());
            return path;
        }

        /** The topic chosen on the way, if any (only a caller sent to the after-hours menu has one). */
        Optional<String> topic() {
            return way.stream().map(Press::target).filter(Target.ToTopic.class::isInstance)
                    .map(t -> ((Target.ToTopic) t).topic()).reduce((a, b) -> b);
        }

        Stop then(char key, Target target, Center.Menu next, Facts facts) {
            List<Press> longer = new ArrayList<>(way);
            longer.add(new Press(menu, key, target));
            return new Stop(center, next, longer, facts, afterHours);
        }

        /** "metro-311 es trash (2>1)". */
        String name() {
            return "%s %s %s (%s%s)".formatted(center.id(), describe(facts), menu.id(),
                    way.isEmpty() ? "start" : String.join(">", keys()), afterHours ? ", desks closed" : "");
        }
    }

    /** Pressing {@code key} at a stop leads to {@code target}, which is not a further menu of the walk. */
    record Leaf(Stop at, char key, Target target) {
        Center center() {
            return at.center();
        }

        /** The key entries up to and including the leaf's key. */
        List<String> keys() {
            List<String> keys = new ArrayList<>(at.keys());
            keys.add(String.valueOf(key));
            return keys;
        }

        /** "metro-311 es 2>1>1 topic:missed-pickup". */
        String name() {
            return "%s %s %s %s%s".formatted(at.center().id(), describe(at.facts()),
                    String.join(">", keys()), Target.format(target), at.afterHours() ? " (desks closed)" : "");
        }
    }

    private static String describe(Facts f) {
        return f.language().orElse("--") + f.city().map(city -> " " + city).orElse("");
    }

    /** Every stop and leaf of a center's menus, in key order. */
    record Walk(List<Stop> stops, List<Leaf> leaves) {
    }

    /**
     * Walks every option of every menu from the start menu, in every language. A city menu is walked
     * with every city in the default language; in the other languages with two cities, the first that
     * has its own desk and the first that has none, which covers both rules without 4 x 9 copies of
     * the same menus. A menu already on the way (a "back to the main menu" option) is a leaf.
     *
     * <p>When no key reaches the after-hours menu, it is walked too, as the first topic whose desks
     * are all closed at night reaches it: those stops and leaves are {@link Stop#afterHours()}.
     */
    static Walk walk(Center c) {
        List<Stop> stops = new ArrayList<>();
        List<Leaf> leaves = new ArrayList<>();
        visit(new Stop(c, c.menus().get(c.start()), List.of(), Facts.NONE, false), stops, leaves);
        if (stops.stream().noneMatch(s -> s.menu().id().equals(c.afterHours()))) {
            Optional<Leaf> closedAtNight = leaves.stream()
                    .filter(l -> l.target() instanceof Target.ToTopic)
                    .filter(l -> follow(l, true).end() instanceof End.Closed)
                    .findFirst();
            closedAtNight.ifPresent(l -> {
                List<Press> way = new ArrayList<>(l.at().way());
                way.add(new Press(l.at().menu(), l.key(), l.target()));
                visit(new Stop(c, c.menus().get(c.afterHours()), way, l.at().facts(), true), stops, leaves);
            });
        }
        return new Walk(List.copyOf(stops), List.copyOf(leaves));
    }

    private static void visit(Stop stop, List<Stop> stops, List<Leaf> leaves) {
        Center c = stop.center();
        stops.add(stop);
        List<String> onTheWay = Stream.concat(stop.way().stream().map(p -> p.menu().id()), Stream.of(stop.menu().id()))
                .toList();
        List<Center.Option> cities = sampleCities(c, stop);
        for (Center.Option o : new TreeMap<>(stop.menu().options()).values()) {
            switch (o.target()) {
                case Target.ToMenu(String id) when !onTheWay.contains(id) ->
                        visit(stop.then(o.key(), o.target(), c.menus().get(id), stop.facts()), stops, leaves);
                case Target.SetLanguage(String l) -> visit(stop.then(o.key(), o.target(), next(c, stop.menu()),
                        new Facts(Optional.of(l), stop.facts().city())), stops, leaves);
                case Target.SetCity(String city) -> {
                    if (cities.contains(o)) {
                        visit(stop.then(o.key(), o.target(), next(c, stop.menu()),
                                new Facts(stop.facts().language(), Optional.of(city))), stops, leaves);
                    }
                }
                default -> leaves.add(new Leaf(stop, o.key(), o.target()));
            }
        }
        c.emergency().ifPresent(e -> leaves.add(new Leaf(stop, e.key(), new Target.Emergency())));
    }

    private static List<Center.Option> sampleCities(Center c, Stop stop) {
        List<Center.Option> all = new TreeMap<>(stop.menu().options()).values().stream()
                .filter(o -> o.target() instanceof Target.SetCity).toList();
        if (stop.facts().language(c).equals(c.defaultLanguage())) {
            return all;
        }
        Stream<Center.Option> withDesk = all.stream().filter(o -> city(c, o).queue().isPresent()).limit(1);
        Stream<Center.Option> without = all.stream().filter(o -> city(c, o).queue().isEmpty()).limit(1);
        return Stream.concat(withDesk, without).toList();
    }

    private static Center.City city(Center c, Center.Option o) {
        return c.cities().get(((Target.SetCity) o.target()).city());
    }

    private static Center.Menu next(Center c, Center.Menu menu) {
        if (menu.next().orElseThrow(() -> new IllegalStateException(menu.id() + " chooses but has no next"))
                instanceof Target.ToMenu(String id)) {
            return c.menus().get(id);
        }
        throw new IllegalStateException(menu.id() + ": the walk follows a language or city choice to a menu only");
    }

    /** One stop per menu: where the walk first reaches it. */
    static List<Stop> everyMenu(Walk walk) {
        return List.copyOf(walk.stops().stream()
                .collect(Collectors.toMap(s -> s.menu().id(), s -> s, (a, b) -> a, LinkedHashMap::new))
                .values());
    }

    /** Where a call ends. */
    sealed interface End {
        /**
         * An agent's queue. {@code whisper} is what the agent hears before the call connects.
         */
        record Queue(String queue, String language, String topic, boolean interpreter, List<String> whisper)
                implements End {
        }

        /** Nobody can answer now: the caller heard the hours and the after-hours menu; the rest is up to them. */
        record Closed() implements End {
        }

        record Emergency() implements End {
        }

        record Goodbye() implements End {
        }
    }

    /**
     * What follows a leaf for a caller who presses 0 at any menu they come back to, keys a number
     * where one is asked for, and presses nothing at the survey.
     *
     * @param heard   the prompts after the leaf's menu, in order
     * @param keys    key entries the caller gives after the leaf's key
     * @param path    ONECALL_PATH after the leaf's menu, up to the route
     * @param said    numbers read out with SAY DIGITS
     * @param entered the number keyed for the agent, if any
     */
    record Course(List<String> heard, List<String> keys, List<String> path, List<String> said,
                  Optional<String> entered, End end) {
    }

    static Course follow(Leaf leaf, boolean night) {
        return follow(leaf.center(), leaf.at().menu().id(), leaf.at().facts(), leaf.at().topic(), leaf.target(), night);
    }

    /** @param cameFrom the menu where the first target was chosen: where "back" leads */
    static Course follow(Center c, String cameFrom, Facts facts, Optional<String> topicSoFar, Target first,
                         boolean night) {
        List<String> heard = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<String> said = new ArrayList<>();
        Optional<String> entered = Optional.empty();
        Optional<String> topic = topicSoFar;
        Target t = first;
        for (int hops = 0; hops < 20; hops++) {
            switch (t) {
                case Target.ToMenu(String id) -> {
                    heard.add(c.menus().get(id).prompt());
                    path.add("menu:" + id);
                    keys.add("0");
                    t = new Target.Agent();
                }
                case Target.ToInfo(String id) -> {
                    Center.Info info = c.infos().get(id);
                    heard.add(info.prompt());
                    info.sayDigits().ifPresent(said::add);
                    path.add("info:" + id);
                    t = info.then();
                }
                case Target.ToCollect(String id) -> {
                    Center.Collect collect = c.collects().get(id);
                    String digits = DIGITS.substring(0, collect.digits());
                    heard.add(collect.prompt());
                    keys.add(digits);
                    entered = Optional.of(digits);
                    path.add("collect:" + id);
                    t = collect.then();
                }
                case Target.ToTopic(String id) -> {
                    path.add("topic:" + id);
                    End end = route(c, facts, Optional.of(id), false, night, heard);
                    return new Course(heard, keys, path, said, entered, end);
                }
                case Target.Agent() -> {
                    path.add("agent");
                    End end = route(c, facts, topic, false, night, heard);
                    return new Course(heard, keys, path, said, entered, end);
                }
                case Target.Interpreter() -> {
                    path.add("interpreter");
                    End end = route(c, facts, topic, true, night, heard);
                    return new Course(heard, keys, path, said, entered, end);
                }
                case Target.Emergency() -> {
                    heard.add(c.emergency().orElseThrow().prompt());
                    return new Course(heard, keys, path, said, entered, new End.Emergency());
                }
                case Target.Goodbye() -> {
                    heard.add(c.prompts().goodbye());
                    return new Course(heard, keys, path, said, entered, new End.Goodbye());
                }
                case Target.Back() -> t = new Target.ToMenu(cameFrom);
                case Target.SetLanguage l -> throw new IllegalStateException("only a menu chooses a language: " + l);
                case Target.SetCity city -> throw new IllegalStateException("only a menu chooses a city: " + city);
            }
        }
        throw new IllegalStateException("no end 20 targets after " + Target.format(first));
    }

    /** The first prompt a caller hears after choosing {@code target} at {@code stop}. */
    static String firstHeardAfter(Stop stop, Target target, boolean night) {
        return switch (target) {
            case Target.SetLanguage l -> next(stop.center(), stop.menu()).prompt();
            case Target.SetCity city -> next(stop.center(), stop.menu()).prompt();
            default -> follow(stop.center(), stop.menu().id(), stop.facts(), stop.topic(), target, night).heard().getFirst();
        };
    }

    /** The desk by the supervisor's rules, and what the caller hears there. */
    private static End route(Center c, Facts facts, Optional<String> topic, boolean interpreterPath, boolean night,
                             List<String> heard) {
        String language = facts.language(c);
        String general = c.routing().generalQueue();
        String queue;
        Optional<String> desk = Optional.empty();
        if (interpreterPath) {
            queue = c.routing().interpreterQueue();
        } else {
            desk = facts.city().map(c.cities()::get).flatMap(Center.City::queue)
                    .or(() -> topic.map(c.topics()::get).flatMap(Center.Topic::queue));
            queue = desk.filter(d -> speaks(c, d, language)).orElse(general);
        }
        Optional<String> ownDesk = desk;
        if (night && !alwaysOpen(c, queue)) {
            // At night only a 24/7 desk answers: the general desk backs up every desk but the interpreters',
            // and a desk that lacks the caller's language still answers (with an interpreter) when the
            // general desk is closed.
            Optional<String> backup = interpreterPath ? Optional.empty() : Optional.of(general).filter(g -> alwaysOpen(c, g))
                    .or(() -> ownDesk.filter(d -> alwaysOpen(c, d)));
            if (backup.isEmpty()) {
                heard.add(c.prompts().closed());
                heard.add(c.menus().get(c.afterHours()).prompt());
                return new End.Closed();
            }
            queue = backup.get();
        }
        boolean interpreter = interpreterPath || !speaks(c, queue, language);
        List<String> whisper = new ArrayList<>();
        whisper.add(PromptKeys.language(interpreterPath ? PromptKeys.OTHER_LANGUAGE : language));
        topic.map(c.topics()::get).ifPresent(x -> whisper.add(x.whisper()));
        if (interpreter) {
            whisper.add(PromptKeys.INTERPRETER_WHISPER);
        }
        heard.add(c.prompts().connecting());
        c.survey().ifPresent(s -> heard.addAll(List.of(s.prompt(), s.thanks())));
        return new End.Queue(queue, language, topic.orElse("general"), interpreter, List.copyOf(whisper));
    }

    static boolean speaks(Center c, String queue, String language) {
        return c.queues().get(queue).languages().contains(language);
    }

    static boolean alwaysOpen(Center c, String queue) {
        return c.calendars().get(c.queues().get(queue).calendar()).always();
    }
}
