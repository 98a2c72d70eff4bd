package org.onecall.flow;

import java.util.Optional;

import org.onecall.config.Center;
import org.onecall.config.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one menu: asks, matches the answer to an option, retries with a notice that says what
 * went wrong (a wrong key and silence get different ones), and after the last try goes where the
 * menu says. '*' repeats the menu, '0' reaches a person, the emergency key hands over to 911.
 * It acts on the {@link Choice} an answer means, so it does not care whether keys or speech gave it.
 */
final class MenuRunner {
    private static final Logger log = LoggerFactory.getLogger(MenuRunner.class);
    /** Repeats do not use up tries, but a caller cannot repeat forever. */
    private static final int MAX_REPEATS = 5;

    Target run(CallPort call, Center.Menu menu, Journey j) {
        log.info("menu {} entered", menu.id());
        Optional<Character> emergencyKey = j.center.emergency().map(Center.Emergency::key);
        String notice = null;
        int repeats = 0;
        for (int attempt = 1; attempt <= menu.tries(); attempt++) {
            if (notice != null) {
                call.play(notice);
            }
            Input input = call.ask(menu.prompt(), menu.timeout(), 1);
            j.inputs.add(input instanceof Input.Keys(String digits) ? digits : "");
            boolean mayRepeat = repeats < MAX_REPEATS;
            switch (Choice.of(menu, emergencyKey, input)) {
                case Choice.Repeat() when mayRepeat -> {
                    repeats++;
                    attempt--;
                    notice = null;
                    log.info("menu {}: * -> repeat", menu.id());
                }
                case Choice.Repeat() -> {
                    log.info("menu {}: * once too often (try {} of {})", menu.id(), attempt, menu.tries());
                    notice = menu.invalid();
                }
                case Choice.Person() -> {
                    log.info("menu {}: 0 -> a person", menu.id());
                    return new Target.Agent();
                }
                case Choice.Emergency() -> {
                    log.info("menu {}: {} -> emergency", menu.id(), emergencyKey.orElseThrow());
                    return new Target.Emergency();
                }
                case Choice.Chosen(Center.Option option) -> {
                    log.info("menu {}: key {} -> {}", menu.id(), option.key(), Target.format(option.target()));
                    return option.target();
                }
                case Choice.NoMatch(String heard) -> {
                    log.info("menu {}: {} is not a choice (try {} of {})", menu.id(), heard, attempt, menu.tries());
                    notice = menu.invalid();
                }
                case Choice.NoInput() -> {
                    log.info("menu {}: no input (try {} of {})", menu.id(), attempt, menu.tries());
                    notice = menu.noInput();
                }
            }
        }
        log.info("menu {}: no choice after {} tries -> {}", menu.id(), menu.tries(), Target.format(menu.failure()));
        return menu.failure();
    }
}
