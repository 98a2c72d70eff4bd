package org.onecall.flow;

import java.util.Optional;

import org.onecall.config.Center;

/**
 * What a caller's answer means at a menu, however they gave it. The menu engine acts on this
 * alone, so speech (matched against the options' phrases) only adds a way to reach one of these.
 */
sealed interface Choice {
    /** One of the menu's options. */
    record Chosen(Center.Option option) implements Choice {
    }

    /** '*': hear the menu again. */
    record Repeat() implements Choice {
    }

    /** '0': a person. */
    record Person() implements Choice {
    }

    /** The center's emergency key: hand the caller to 911. */
    record Emergency() implements Choice {
    }

    /** An answer that is none of the choices ({@code heard} says what, for the log). */
    record NoMatch(String heard) implements Choice {
    }

    /** Nothing before the timeout. */
    record NoInput() implements Choice {
    }

    /** The meaning of an answer at this menu. */
    static Choice of(Center.Menu menu, Optional<Character> emergencyKey, Input input) {
        return switch (input) {
            case Input.NoInput() -> new NoInput();
            case Input.Keys(String digits) -> {
                char key = digits.charAt(0);
                if (key == Center.Menu.REPEAT) {
                    yield new Repeat();
                }
                if (key == Center.Menu.PERSON) {
                    yield new Person();
                }
                if (emergencyKey.isPresent() && emergencyKey.get() == key) {
                    yield new Emergency();
                }
                Center.Option option = menu.options().get(key);
                yield option != null ? new Chosen(option) : new NoMatch("key " + key);
            }
        };
    }
}
