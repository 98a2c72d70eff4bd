package org.onecall.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.onecall.config.Center;

/** One call's state as it moves through the menus; the flow objects themselves are shared by all calls. */
final class Journey {
    /** A caller who has walked this many menus and messages is looping; they are sent to a person. */
    static final int MAX_STEPS = 60;

    final Center center;
    final List<String> path = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();
    String language;
    boolean languageKnown;
    Optional<String> city = Optional.empty();
    Optional<String> topic = Optional.empty();
    Optional<String> entered = Optional.empty();
    Optional<String> queue = Optional.empty();
    boolean interpreter;
    boolean priority;
    boolean inQueue;
    /** An agent took the call: a hang-up after this (on the agent, in the survey) does not undo it. */
    boolean answered;
    boolean closedHeard;
    /** Every desk tried was unavailable and the caller heard so. */
    boolean busyHeard;
    boolean selfServed;
    OptionalInt surveyScore = OptionalInt.empty();
    int steps;
    /** The announcements the caller heard, and whether they have had their turn. */
    final List<String> announcements = new ArrayList<>();
    boolean announced;
    /** The menu the caller was last in: where "back" leads. */
    String lastMenu;
    /** When the caller first reached a queue: the end of their time in the menus. */
    Optional<java.time.Instant> queuedAt = Optional.empty();
    Optional<java.time.Duration> waitTime = Optional.empty();

    Journey(Center center) {
        this.center = center;
        this.language = center.defaultLanguage();
        this.lastMenu = center.start();
    }

    String pathText() {
        return String.join(">", path);
    }
}
