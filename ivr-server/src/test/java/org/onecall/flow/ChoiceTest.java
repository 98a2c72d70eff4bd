package org.onecall.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.onecall.config.Center;
import org.onecall.config.ConfigLoader;
import org.onecall.config.Target;

/** What an answer means at a menu: the one thing the menu engine looks at. */
class ChoiceTest {
    static final Center METRO;

    static {
        try {
            METRO = new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load().center("metro-311").orElseThrow();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final Center.Menu MAIN = METRO.menus().get("main");
    static final Optional<Character> NINE = Optional.of('9');

    private static Choice keys(String digits) {
        return Choice.of(MAIN, NINE, new Input.Keys(digits));
    }

    @Test
    void aKeyOfAnOption_choosesIt() {
        assertThat(keys("1")).isInstanceOfSatisfying(Choice.Chosen.class,
                c -> assertThat(c.option().target()).isEqualTo(new Target.ToMenu("trash")));
    }

    @Test
    void theReservedKeys_meanTheSameAtEveryMenu() {
        assertThat(keys("*")).isEqualTo(new Choice.Repeat());
        assertThat(keys("0")).isEqualTo(new Choice.Person());
        assertThat(keys("9")).isEqualTo(new Choice.Emergency());
        assertThat(Choice.of(MAIN, Optional.empty(), new Input.Keys("9"))).as("a center without the emergency key")
                .isInstanceOf(Choice.NoMatch.class);
    }

    @Test
    void aKeyThatIsNoOption_isNoMatch_andSilenceIsNoInput() {
        assertThat(keys("#")).isEqualTo(new Choice.NoMatch("key #"));
        assertThat(Choice.of(MAIN, NINE, new Input.NoInput())).isEqualTo(new Choice.NoInput());
    }
}
