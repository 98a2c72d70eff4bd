package org.onecall.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The administrators' HTTP API.
 *
 * @param bind       the address to listen on
 * @param port       the port; empty when the API is off (admin.port left empty), 0 for a free port
 * @param tokensFile who may use it (admin.tokens)
 * @param tokens     the tokens read from that file; a reload picks up added and removed ones
 */
public record AdminSettings(InetAddress bind, OptionalInt port, Path tokensFile, List<AdminToken> tokens) {
    public AdminSettings {
        tokens = List.copyOf(tokens);
    }

    public boolean enabled() {
        return port.isPresent();
    }
}
