package org.onecall.routing;

import java.util.Optional;

/**
 * The facts a route is decided on.
 *
 * @param interpreterPath the caller asked for another language than the center offers
 * @param priority        the call overflowed from 911
 */
public record RouteRequest(Optional<String> topic, Optional<String> city, String language, boolean interpreterPath,
                           boolean priority) {
}
