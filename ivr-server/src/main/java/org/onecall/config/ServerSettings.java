package org.onecall.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What onecall.properties configures, validated.
 *
 * @param agi            the FastAGI listener
 * @param shutdownGrace  on SIGTERM, how long calls in progress may go on before they are cut
 * @param reloadInterval how often the config files are checked for edits
 * @param promptManifest the prompt texts, relative to the config folder
 * @param database       call records: the database, the journal, retention
 * @param admin          the administrators' HTTP API and who may use it
 * @param recordingsDir  where Asterisk writes the messages administrators record by phone (an
 *                       absolute path, sent to Asterisk in RECORD FILE)
 */
public record ServerSettings(AgiSettings agi, Duration shutdownGrace, Duration reloadInterval, String promptManifest,
                             DatabaseSettings database, AdminSettings admin, Path recordingsDir) {
}
