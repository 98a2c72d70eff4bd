package org.onecall.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onecall.config.Center.Asks;
import org.onecall.config.Target.Agent;
import org.onecall.config.Target.Back;
import org.onecall.config.Target.Emergency;
import org.onecall.config.Target.Goodbye;
import org.onecall.config.Target.Interpreter;
import org.onecall.config.Target.SetCity;
import org.onecall.config.Target.SetLanguage;
import org.onecall.config.Target.ToCollect;
import org.onecall.config.Target.ToInfo;
import org.onecall.config.Target.ToMenu;
import org.onecall.config.Target.ToTopic;

/**
 * Proves a center's call flow has no dead ends: every target exists, every queue is declared
 * and has hours, overflow chains end, every menu is reached and can reach a person, no chain
 * of messages loops without a menu to leave it, and a caller who presses nothing reaches an end.
 */
final class FlowGraph {
    private static final char REPEAT = Center.Menu.REPEAT;
    private static final char PERSON = Center.Menu.PERSON;
    /** Ends what a caller keys in: Asterisk never hands it over as a key. */
    private static final char END_OF_INPUT = '#';

    record Finding(String key, String message) {
    }

    private final Center c;
    private final List<Finding> findings = new ArrayList<>();

    private FlowGraph(Center c) {
        this.c = c;
    }

    static List<Finding> check(Center c) {
        FlowGraph g = new FlowGraph(c);
        g.queues();
        g.menus();
        g.emergencyKey();
        g.chains();
        g.silentCaller();
        g.reach();
        return g.findings;
    }

    private void add(String key, String message) {
        findings.add(new Finding(key, message));
    }

    private void queue(String key, String queue) {
        if (!c.queues().containsKey(queue)) {
            add(key, "queue '" + queue + "' is not declared under queues:");
        }
    }

    private void queues() {
        queue("routing.general-queue", c.routing().generalQueue());
        queue("routing.interpreter-queue", c.routing().interpreterQueue());
        c.topics().values().forEach(t -> t.queue().ifPresent(q -> queue("topics." + t.id() + ".queue", q)));
        c.cities().values().forEach(x -> x.queue().ifPresent(q -> queue("cities." + x.id() + ".queue", q)));
        for (Center.QueueSpec q : c.queues().values()) {
            if (!c.calendars().containsKey(q.calendar())) {
                add("queues." + q.name() + ".calendar", "calendar '" + q.calendar() + "' is not declared under calendars:");
            }
            q.overflow().ifPresent(o -> queue("queues." + q.name() + ".overflow", o));
            Set<String> seen = new LinkedHashSet<>();
            Optional<String> next = Optional.of(q.name());
            while (next.isPresent() && c.queues().containsKey(next.get())) {
                if (!seen.add(next.get())) {
                    add("queues." + q.name() + ".overflow", "overflows in a circle: " + String.join(" > ", seen)
                            + " > " + next.get());
                    break;
                }
                next = c.queues().get(next.get()).overflow();
            }
        }
    }

    private void menus() {
        for (String key : List.of("start", "after-hours")) {
            String id = key.equals("start") ? c.start() : c.afterHours();
            if (!c.menus().containsKey(id)) {
                add(key, "menu '" + id + "' is not declared under menus:");
            }
        }
        for (Center.Menu m : c.menus().values()) {
            String at = "menus." + m.id();
            for (Center.Option o : m.options().values()) {
                String ok = at + ".options." + o.key();
                if (o.key() == REPEAT || o.key() == PERSON) {
                    add(ok, "'" + o.key() + "' is taken at every menu (* repeats it, 0 reaches a person)");
                }
                c.emergency().filter(e -> e.key() == o.key()).ifPresent(e ->
                        add(ok, "'" + o.key() + "' is the emergency key at every menu"));
                target(ok, o.target(), m);
            }
            target(at + ".failure", m.failure(), m);
            m.next().ifPresent(n -> target(at + ".next", n, m));
            switch (m.asks()) {
                case LANGUAGE -> {
                    for (String l : c.languages()) {
                        if (m.options().values().stream().noneMatch(o -> o.target().equals(new SetLanguage(l)))) {
                            add(at + ".options", "no key selects language '" + l + "'; give every language a key");
                        }
                    }
                }
                case CITY -> {
                    for (String city : c.cities().keySet()) {
                        if (m.options().values().stream().noneMatch(o -> o.target().equals(new SetCity(city)))) {
                            add(at + ".options", "no key selects city '" + city + "'; give every city a key");
                        }
                    }
                }
                case CHOICE -> {
                }
            }
        }
        c.infos().values().forEach(i -> target("info." + i.id() + ".then", i.then(), null));
        Target busy = c.routing().whenBusy();
        target("routing.when-busy", busy, null);
        if (!(busy instanceof ToMenu || busy instanceof ToInfo || busy instanceof Goodbye)) {
            add("routing.when-busy", "every desk was just unavailable: lead to a menu, a message (info:) or goodbye,"
                    + " not " + Target.format(busy));
        }
        for (Center.AnnouncementSpec a : c.announcements().values()) {
            a.topic().ifPresent(t -> exists("announcements." + a.id() + ".topic", c.topics().containsKey(t), "topic", t,
                    "topics"));
            if (a.offer().isPresent() && a.topic().isEmpty()) {
                add("announcements." + a.id() + ".offer", "an offer needs the announcement's topic: what pressing 1 leads to");
            }
        }
        c.collects().values().forEach(x -> target("collect." + x.id() + ".then", x.then(), null));
    }

    /** The emergency key works at every menu, so it must be a key a caller can press there for nothing else. */
    private void emergencyKey() {
        if (c.emergency().isEmpty()) {
            return;
        }
        char key = c.emergency().get().key();
        String fix = "; choose a key no menu uses, " + freeDigits();
        switch (key) {
            case PERSON -> add("emergency.key", "'0' reaches a person at every menu" + fix);
            case REPEAT -> add("emergency.key", "'*' repeats the menu at every menu" + fix);
            case END_OF_INPUT -> add("emergency.key", "'#' ends a caller's input, so it never arrives as a key" + fix);
            default -> {
                List<String> taken = c.menus().values().stream().filter(m -> m.options().containsKey(key))
                        .map(Center.Menu::id).sorted().toList();
                if (!taken.isEmpty()) {
                    add("emergency.key", "'" + key + "' is also an option at menus " + String.join(", ", taken)
                            + ": callers pressing it for that option would be sent to 911" + fix
                            + ", or move those options to another key");
                }
            }
        }
    }

    private String freeDigits() {
        List<String> free = "123456789".chars().mapToObj(d -> (char) d)
                .filter(d -> c.menus().values().stream().noneMatch(m -> m.options().containsKey(d)))
                .map(String::valueOf).toList();
        return free.isEmpty() ? "after freeing a digit 1-9 in every menu" : "like " + String.join(" or ", free);
    }

    private void target(String key, Target t, Center.Menu in) {
        switch (t) {
            case ToMenu(String m) -> exists(key, c.menus().containsKey(m), "menu", m, "menus");
            case ToTopic(String topic) -> exists(key, c.topics().containsKey(topic), "topic", topic, "topics");
            case ToInfo(String i) -> exists(key, c.infos().containsKey(i), "info", i, "info");
            case ToCollect(String x) -> exists(key, c.collects().containsKey(x), "collect", x, "collect");
            case SetLanguage(String l) -> {
                if (!c.languages().contains(l)) {
                    add(key, "'" + l + "' is not one of the center's languages " + c.languages());
                }
                needsNext(key, in);
            }
            case SetCity(String city) -> {
                exists(key, c.cities().containsKey(city), "city", city, "cities");
                needsNext(key, in);
            }
            case Emergency() -> {
                if (c.emergency().isEmpty()) {
                    add(key, "leads to emergency, but the center has no emergency: section");
                }
            }
            case Back() -> {
                if (in != null) {
                    add(key, "back is for a message or a collection (then: back), not for a menu");
                }
            }
            case Agent(), Interpreter(), Goodbye() -> {
            }
        }
    }

    private void needsNext(String key, Center.Menu in) {
        if (in == null || in.next().isEmpty()) {
            add(key, "sets a fact, so its menu needs next: (where the call goes on)");
        }
    }

    private void exists(String key, boolean exists, String kind, String id, String section) {
        if (!exists) {
            add(key, kind + " '" + id + "' is not declared under " + section + ":");
        }
    }

    /** Messages and collections lead on with then:; a chain of them must reach a menu or an end. */
    private void chains() {
        for (String start : c.infos().keySet()) {
            follow("info." + start, new ToInfo(start));
        }
        for (String start : c.collects().keySet()) {
            follow("collect." + start, new ToCollect(start));
        }
    }

    private void follow(String key, Target first) {
        Set<Target> seen = new HashSet<>();
        Target t = first;
        while (true) {
            if (!seen.add(t)) {
                add(key + ".then", "loops through messages without a menu to leave it");
                return;
            }
            Optional<Target> then = switch (t) {
                case ToInfo(String i) -> Optional.ofNullable(c.infos().get(i)).map(Center.Info::then);
                case ToCollect(String x) -> Optional.ofNullable(c.collects().get(x)).map(Center.Collect::then);
                default -> Optional.empty();
            };
            if (then.isEmpty()) {
                return;
            }
            t = then.get();
        }
    }

    /** Where a caller who presses nothing is: a target, and the menu a "then: back" returns to. */
    private record Silent(Target at, String lastMenu) {
    }

    /**
     * A caller who presses nothing leaves every menu by its failure: target, and a message or a
     * collection by its then:. That walk must end at a person, a topic or goodbye; a circle of
     * menus (a menu failing to itself, two failing to each other, a failure to a message that
     * goes back) keeps a silent caller on the line until the call's step limit.
     */
    private void silentCaller() {
        Set<Set<Target>> reported = new HashSet<>();
        for (String start : c.menus().keySet().stream().sorted().toList()) {
            List<Silent> walk = new ArrayList<>();
            Optional<Silent> at = Optional.of(new Silent(new ToMenu(start), start));
            while (at.isPresent() && !walk.contains(at.get())) {
                walk.add(at.get());
                at = silentStep(at.get());
            }
            if (at.isEmpty()) {
                continue;
            }
            List<Target> circle = new ArrayList<>(walk.subList(walk.indexOf(at.get()), walk.size()).stream()
                    .map(Silent::at).toList());
            Optional<Target> firstMenu = circle.stream().filter(t -> t instanceof ToMenu).findFirst();
            if (firstMenu.isEmpty() || !reported.add(Set.copyOf(circle))) {
                continue; // a circle of messages alone is chains()' finding
            }
            Collections.rotate(circle, -circle.indexOf(firstMenu.get()));
            add("menus." + ((ToMenu) circle.getFirst()).menu() + ".failure", "a caller who presses nothing goes round "
                    + String.join(" > ", circle.stream().map(Target::format).toList()) + " > "
                    + Target.format(circle.getFirst()) + " and never reaches a person; send one of these"
                    + " failure: targets to agent, goodbye or a topic");
        }
    }

    /** Where a silent caller goes next; empty where the call ends, or at a target flagged elsewhere. */
    private Optional<Silent> silentStep(Silent s) {
        Optional<Target> next;
        String lastMenu = s.lastMenu();
        switch (s.at()) {
            case ToMenu(String id) -> {
                Center.Menu m = c.menus().get(id);
                if (m == null || m.failure() instanceof Back) {
                    return Optional.empty();
                }
                lastMenu = id;
                // A failure that sets a fact goes on at the menu's next:, as a chosen one does.
                next = m.failure() instanceof SetLanguage || m.failure() instanceof SetCity
                        ? m.next() : Optional.of(m.failure());
            }
            case ToInfo(String i) -> next = Optional.ofNullable(c.infos().get(i)).map(Center.Info::then);
            case ToCollect(String x) -> next = Optional.ofNullable(c.collects().get(x)).map(Center.Collect::then);
            default -> next = Optional.empty();
        }
        String back = lastMenu;
        // Entering a menu makes it the one to go back to: one state per menu, however it was reached.
        return next.map(t -> t instanceof Back ? new ToMenu(back) : t)
                .map(t -> new Silent(t, t instanceof ToMenu(String m) ? m : back));
    }

    /** Every menu is reached from the start or the after-hours menu. */
    private void reach() {
        Set<String> reached = new HashSet<>();
        Deque<Target> todo = new ArrayDeque<>(List.of(new ToMenu(c.start()), new ToMenu(c.afterHours()),
                c.routing().whenBusy()));
        Set<Target> visited = new HashSet<>();
        while (!todo.isEmpty()) {
            Target t = todo.pop();
            if (!visited.add(t)) {
                continue;
            }
            switch (t) {
                case ToMenu(String id) -> {
                    Center.Menu m = c.menus().get(id);
                    if (m != null) {
                        reached.add(id);
                        m.options().values().forEach(o -> todo.push(o.target()));
                        todo.push(m.failure());
                        m.next().ifPresent(todo::push);
                    }
                }
                case ToInfo(String i) -> Optional.ofNullable(c.infos().get(i)).ifPresent(x -> todo.push(x.then()));
                case ToCollect(String x) -> Optional.ofNullable(c.collects().get(x)).ifPresent(y -> todo.push(y.then()));
                default -> {
                }
            }
        }
        for (String id : c.menus().keySet()) {
            if (!reached.contains(id)) {
                add("menus." + id, "is never reached from start: or after-hours:; link it or remove it");
            }
        }
        for (Center.Menu m : c.menus().values()) {
            if (m.asks() != Asks.CHOICE && m.next().isEmpty()) {
                add("menus." + m.id() + ".next", "is missing; a menu that asks for a language or city must say where to go next");
            }
        }
    }
}
