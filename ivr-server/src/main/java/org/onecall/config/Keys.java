package org.onecall.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;

/** Every key of onecall.properties with its default, in one place. */
public final class Keys {
    public static final String AGI_BIND = "agi.bind";
    public static final String AGI_PORT = "agi.port";
    public static final String AGI_ALLOWED = "agi.allowed";
    public static final String AGI_MAX_CALLS = "agi.max-calls";
    public static final String AGI_HEADER_TIMEOUT = "agi.header-timeout";
    public static final String AGI_REPLY_TIMEOUT = "agi.reply-timeout";
    public static final String AGI_MAX_LINE_BYTES = "agi.max-line-bytes";
    public static final String AGI_MAX_HEADER_LINES = "agi.max-header-lines";
    public static final String SHUTDOWN_GRACE = "shutdown.grace";
    public static final String CONFIG_RELOAD_INTERVAL = "config.reload-interval";
    public static final String PROMPTS_MANIFEST = "prompts.manifest";
    public static final String RECORDS_ENABLED = "records.enabled";
    public static final String DATABASE_URL = "database.url";
    public static final String DATABASE_USER = "database.user";
    public static final String DATABASE_PASSWORD = "database.password";
    public static final String DATABASE_EMBEDDED_DIR = "database.embedded.dir";
    public static final String DATABASE_POOL_SIZE = "database.pool-size";
    public static final String DATABASE_TIMEOUT = "database.timeout";
    public static final String RECORDS_JOURNAL_DIR = "records.journal-dir";
    public static final String RECORDS_BATCH_SIZE = "records.batch-size";
    public static final String RECORDS_QUEUE_CAPACITY = "records.queue-capacity";
    public static final String RECORDS_RETRY_INTERVAL = "records.retry-interval";
    public static final String RECORDS_RETENTION = "records.retention";
    public static final String RECORDS_PERSONAL_RETENTION = "records.personal-data-retention";
    public static final String ADMIN_BIND = "admin.bind";
    public static final String ADMIN_PORT = "admin.port";
    public static final String ADMIN_TOKENS = "admin.tokens";
    public static final String ADMIN_RECORDINGS_DIR = "admin.recordings-dir";

    private static final SequencedMap<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put(AGI_BIND, "127.0.0.1");
        DEFAULTS.put(AGI_PORT, "4573");
        DEFAULTS.put(AGI_ALLOWED, "127.0.0.0/8, ::1");
        DEFAULTS.put(AGI_MAX_CALLS, "20000");
        DEFAULTS.put(AGI_HEADER_TIMEOUT, "5s");
        DEFAULTS.put(AGI_REPLY_TIMEOUT, "30m");
        DEFAULTS.put(AGI_MAX_LINE_BYTES, "8192");
        DEFAULTS.put(AGI_MAX_HEADER_LINES, "100");
        DEFAULTS.put(SHUTDOWN_GRACE, "30s");
        DEFAULTS.put(CONFIG_RELOAD_INTERVAL, "1s");
        DEFAULTS.put(PROMPTS_MANIFEST, "../prompts/prompts.yaml");
        DEFAULTS.put(RECORDS_ENABLED, "true");
        DEFAULTS.put(DATABASE_URL, "");
        DEFAULTS.put(DATABASE_USER, "onecall");
        DEFAULTS.put(DATABASE_PASSWORD, "");
        DEFAULTS.put(DATABASE_EMBEDDED_DIR, "../data/mariadb");
        DEFAULTS.put(DATABASE_POOL_SIZE, "4");
        DEFAULTS.put(DATABASE_TIMEOUT, "10s");
        DEFAULTS.put(RECORDS_JOURNAL_DIR, "../data/journal");
        DEFAULTS.put(RECORDS_BATCH_SIZE, "500");
        DEFAULTS.put(RECORDS_QUEUE_CAPACITY, "200000");
        DEFAULTS.put(RECORDS_RETRY_INTERVAL, "2s");
        DEFAULTS.put(RECORDS_RETENTION, "730d");
        DEFAULTS.put(RECORDS_PERSONAL_RETENTION, "90d");
        DEFAULTS.put(ADMIN_BIND, "127.0.0.1");
        DEFAULTS.put(ADMIN_PORT, "8311");
        DEFAULTS.put(ADMIN_TOKENS, "admin-tokens.yaml");
        DEFAULTS.put(ADMIN_RECORDINGS_DIR, "../data/recordings");
    }

    private Keys() {
    }

    public static Map<String, String> defaults() {
        return java.util.Collections.unmodifiableSequencedMap(DEFAULTS);
    }

    /** Keys whose values never appear in logs or tools. */
    public static boolean secret(String key) {
        return key.equals(DATABASE_PASSWORD);
    }

    public static boolean known(String key) {
        return DEFAULTS.containsKey(key);
    }

    /** agi.max-calls is overridden by ONECALL_AGI_MAX_CALLS. */
    public static String environmentName(String key) {
        return "ONECALL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The known key closest to a mistyped one, for "did you mean" hints. */
    public static String closest(String typo) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String key : DEFAULTS.keySet()) {
            int d = distance(typo, key);
            if (d < bestDistance) {
                bestDistance = d;
                best = key;
            }
        }
        return bestDistance <= Math.max(2, typo.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
