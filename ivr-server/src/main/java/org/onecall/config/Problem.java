package org.onecall.config;

/**
 * One thing wrong with the configuration, said so that the person editing it can fix it:
 * the file, the key and what to do.
 */
public record Problem(String file, String key, String message) {
    @Override
    public String toString() {
        return key.isEmpty() ? file + ": " + message : file + ": " + key + ": " + message;
    }
}
