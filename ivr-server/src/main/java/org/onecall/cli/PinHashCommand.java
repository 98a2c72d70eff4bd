package org.onecall.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.onecall.config.Center;
import org.onecall.config.PinHash;

import picocli.CommandLine.Command;

@Command(name = "pin-hash", mixinStandardHelpOptions = true,
        description = {"Read an administrator's phone PIN from the terminal (not echoed) or stdin and print the"
                + " pin-hash for phone-admins in a center's file: a salted PBKDF2-HMAC-SHA256 hash, never the PIN.",
                "Example: ./onecall pin-hash, then in config/centers/metro-311.yaml:",
                "  \"1001\": {name: Duty supervisor, pin-hash: pbkdf2-sha256$600000$...}"})
final class PinHashCommand implements Callable<Integer> {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    PinHashCommand() {
        this(System.in, System.out, System.err);
    }

    PinHashCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        String pin = readPin();
        if (pin == null || !pin.matches("[0-9]{" + Center.PhoneAdmin.MIN_PIN_DIGITS + ","
                + Center.PhoneAdmin.MAX_PIN_DIGITS + "}")) {
            // The PIN itself is never repeated back.
            err.println("a PIN is " + Center.PhoneAdmin.MIN_PIN_DIGITS + " to " + Center.PhoneAdmin.MAX_PIN_DIGITS
                    + " digits; nothing printed");
            return 2;
        }
        out.println(PinHash.of(pin).encoded());
        return 0;
    }

    private String readPin() throws IOException {
        Console console = System.console();
        if (in == System.in && console != null && console.isTerminal()) {
            char[] typed = console.readPassword("PIN for the phone entry (digits, not shown): ");
            return typed == null ? null : new String(typed).strip();
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.strip();
    }
}
