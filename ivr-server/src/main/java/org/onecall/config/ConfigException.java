package org.onecall.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration could not be loaded; every problem found is listed, not just the first. */
public final class ConfigException extends Exception {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.size() + " configuration problem(s):\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
