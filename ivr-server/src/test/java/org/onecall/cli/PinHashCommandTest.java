package org.onecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.onecall.config.PinHash;

import picocli.CommandLine;

/** {@code ./onecall pin-hash}: a PIN in, a line for the center file out, and never the PIN back. */
class PinHashCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin) {
        PinHashCommand command = new PinHashCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute();
    }

    @Test
    void aPin_printsAHashThatAcceptsIt() {
        assertThat(run("24681357\n")).isZero();

        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(printed).startsWith("pbkdf2-sha256$600000$").doesNotContain("24681357");
        assertThat(PinHash.parse(printed).orElseThrow().matches("24681357")).isTrue();
    }

    @Test
    void notAPin_printsNothing_andDoesNotRepeatIt() {
        for (String bad : new String[] {"12a4\n", "123\n", "1234567890123\n", ""}) {
            out.reset();
            err.reset();

            assertThat(run(bad)).isEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("a PIN is 4 to 12 digits; nothing printed");
            if (!bad.isBlank()) {
                assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(bad.strip());
            }
        }
    }
}
