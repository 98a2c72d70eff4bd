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
 * Keys and, later, speech arrive as the same {@link Input}, so this class does not care which.
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
            switch (input) {
                case Input.Keys(String digits) -> {
                    j.inputs.add(digits);
                    char key = digits.charAt(0);
                    if (key == Center.Menu.REPEAT && repeats < MAX_REPEATS) {
                        repeats++;
                        attempt--;
                        notice = null;
                        log.info("menu {}: * -> repeat", menu.id());
                        continue;
                    }
                    if (key == Center.Menu.PERSON) {
                        log.info("menu {}: 0 -> a person", menu.id());
                        return new Target.Agent();
                    }
                    if (emergencyKey.isPresent() && emergencyKey.get() == key) {
                        log.info("menu {}: {} -> emergency", menu.id(), key);
                        return new Target.Emergency();
                    }
                    Center.Option option = menu.options().get(key);
                    if (option != null) {
                        log.info("menu {}: key {} -> {}", menu.id(), key, Target.format(option.target()));
                        return option.target();
                    }
                    log.info("menu {}: key {} is not a choice (try {} of {})", menu.id(), key, attempt, menu.tries());
                    notice = menu.invalid();
                }
                case Input.NoInput() -> {
                    j.inputs.add("");
                    log.info("menu {}: no input (try {} of {})", menu.id(), attempt, menu.tries());
                    notice = menu.noInput();
                }
            }
        }
        log.info("menu {}: no choice after {} tries -> {}", menu.id(), menu.tries(), Target.format(menu.failure()));
        return menu.failure();
    }
}
