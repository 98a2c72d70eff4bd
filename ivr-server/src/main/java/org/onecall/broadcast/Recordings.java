package org.onecall.broadcast;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages administrators recorded by phone, which callers hear in place of an announcement's
 * configured prompt. Who recorded which file, and when, is in the board's audit (the change that
 * switched it on names the file). Switching the announcement off by phone forgets its recording,
 * so a stale message never returns with the next emergency.
 *
 * <p>Kept in this server's memory, beside the board: a restart forgets them (callers hear the
 * configured prompt again; the sound file stays in admin.recordings-dir), and another server of
 * the center does not know them.
 */
public final class Recordings {
    private record Key(String center, String announcement) {
    }

    /** The sound file as Asterisk plays it: an absolute path without its extension. */
    private final Map<Key, String> files = new ConcurrentHashMap<>();

    /** The recording callers hear for this announcement, if one was kept. */
    public Optional<String> current(String center, String announcement) {
        return Optional.ofNullable(files.get(new Key(center, announcement)));
    }

    /** Callers hear this file from the next call on. */
    public void keep(String center, String announcement, String file) {
        files.put(new Key(center, announcement), file);
    }

    /** Callers hear the configured prompt again. */
    public void forget(String center, String announcement) {
        files.remove(new Key(center, announcement));
    }
}
