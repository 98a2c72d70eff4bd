package org.onecall.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onecall.config.Center;

/**
 * Decides the queue for a call: center x city x topic x language x time, then the load of the
 * desks. Pure: the same facts, instant and load give the same decision, so it is tested with
 * tables of cases and a fixed clock.
 *
 * <p>The desk is the caller's city's own, else the topic's, else the general one. A desk whose
 * agents do not speak the caller's language puts the general desk ahead of itself. Along that
 * chain (the desk, its overflows, the general desk) the first open desk with a ready agent and
 * room in its line takes the call; if none has, the first open one does (the caller waits
 * there); if none is open, the call is closed for now. The agent is told to bring in an
 * interpreter when nobody at the chosen desk speaks the caller's language.
 */
public final class Router {
    private Router() {
    }

    public static RouteDecision decide(Center center, RouteRequest req, Instant now, QueueLoad load) {
        List<String> why = new ArrayList<>();
        String desk = desk(center, req, why);
        List<String> chain = new ArrayList<>(chain(center, desk));
        String general = center.routing().generalQueue();
        if (!req.interpreterPath() && !center.queues().get(desk).languages().contains(req.language())
                && !desk.equals(general)) {
            // The general desk speaks more languages; the topic's desk stays behind it, with an
            // interpreter, for when the general desk is closed (a water main at 3 a.m.).
            why.add(desk + " has no " + req.language() + " speakers -> " + general + " first");
            chain.remove(general);
            chain.addFirst(general);
        }
        List<String> open = chain.stream().filter(q -> isOpen(center, q, now)).toList();
        chain.stream().filter(q -> !open.contains(q)).forEach(q -> why.add(q + " closed now"));
        if (open.isEmpty()) {
            return new RouteDecision.Closed(why);
        }
        String chosen = null;
        for (String q : open) {
            int ready = load.ready(q);
            int max = center.queues().get(q).maxWaiting();
            if (ready == 0) {
                why.add("no agent ready in " + q);
            } else if (max > 0 && load.waiting(q) >= max) {
                why.add(q + " has " + max + " or more callers waiting");
            } else {
                chosen = q;
                break;
            }
        }
        if (chosen == null) {
            chosen = open.getFirst();
            why.add("every open desk is busy; waiting in " + chosen);
        }
        boolean interpreter = req.interpreterPath()
                || !center.queues().get(chosen).languages().contains(req.language());
        if (interpreter) {
            why.add("interpreter needed for " + (req.interpreterPath() ? "another language" : req.language()));
        }
        int priority = req.priority() ? center.priority().priority() : 0;
        if (priority > 0) {
            why.add("911 overflow: priority " + priority);
        }
        String first = chosen;
        List<String> fallbacks = open.subList(open.indexOf(chosen) + 1, open.size()).stream()
                .filter(q -> !q.equals(first)).toList();
        return new RouteDecision.ToQueue(chosen, priority, interpreter, fallbacks, why);
    }

    private static String desk(Center center, RouteRequest req, List<String> why) {
        if (req.interpreterPath()) {
            why.add("another language -> " + center.routing().interpreterQueue());
            return center.routing().interpreterQueue();
        }
        Optional<String> cityDesk = req.city().map(center.cities()::get).flatMap(Center.City::queue);
        if (cityDesk.isPresent()) {
            why.add("city " + req.city().orElseThrow() + " -> " + cityDesk.get());
            return cityDesk.get();
        }
        Optional<String> topicDesk = req.topic().map(center.topics()::get).flatMap(Center.Topic::queue);
        if (topicDesk.isPresent()) {
            why.add("topic " + req.topic().orElseThrow() + " -> " + topicDesk.get());
            return topicDesk.get();
        }
        why.add((req.city().isPresent() ? "city " + req.city().get() + " has no desk" : "no topic desk")
                + " -> " + center.routing().generalQueue());
        return center.routing().generalQueue();
    }

    /** The desk, its overflow chain, and the general desk last: the order fallbacks are tried in. */
    private static List<String> chain(Center center, String desk) {
        Set<String> chain = new LinkedHashSet<>();
        Optional<String> q = Optional.of(desk);
        while (q.isPresent() && center.queues().containsKey(q.get()) && chain.add(q.get())) {
            q = center.queues().get(q.get()).overflow();
        }
        if (!desk.equals(center.routing().interpreterQueue())) {
            chain.add(center.routing().generalQueue());
        }
        return List.copyOf(chain);
    }

    static boolean isOpen(Center center, String queue, Instant now) {
        Center.QueueSpec spec = center.queues().get(queue);
        Set<java.time.LocalDate> closed = new java.util.HashSet<>(center.holidays());
        closed.addAll(spec.holidays());
        return Hours.isOpen(center.calendars().get(spec.calendar()), closed, center.timezone(), now);
    }
}
