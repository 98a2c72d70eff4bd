package org.onecall.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asterisk's database (AstDB) for DATABASE PUT/GET/DEL/DELTREE and the DB() function. Like the real one
 * it is shared by every call of the same Asterisk, here one emulator, so it must be safe across threads.
 */
final class AstDb {
    private final Map<String, String> entries = new ConcurrentHashMap<>();

    void put(String family, String key, String value) {
        entries.put(path(family, key), value);
    }

    Optional<String> get(String family, String key) {
        return Optional.ofNullable(entries.get(path(family, key)));
    }

    boolean delete(String family, String key) {
        return entries.remove(path(family, key)) != null;
    }

    /** Deletes the family, or one key tree in it; returns how many entries went. */
    int deleteTree(String family, Optional<String> keyTree) {
        String prefix = keyTree.map(k -> path(family, k)).orElse("/" + family);
        int before = entries.size();
        entries.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "/"));
        return Math.max(0, before - entries.size());
    }

    private static String path(String family, String key) {
        return "/" + family + "/" + key;
    }
}
