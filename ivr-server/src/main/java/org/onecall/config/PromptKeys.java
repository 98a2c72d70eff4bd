package org.onecall.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every sound a center can play, and the names of the sounds the server plays without the file naming them. */
public final class PromptKeys {
    public static final String INTERPRETER_WHISPER = "onecall/whisper/interpreter";
    public static final String PRIORITY_WHISPER = "onecall/whisper/priority";
    /** The language a caller chose, whispered to the agent; "other" for the interpreter path. */
    public static final String LANGUAGE_PREFIX = "onecall/language/";
    public static final String OTHER_LANGUAGE = "other";

    // The administrators' phone entry. It speaks the center's default language only: it serves a
    // handful of staff, not the public, so these need a text in that one language.
    public static final String ADMIN_ENTER_ID = "onecall/admin/enter-id";
    public static final String ADMIN_ENTER_PIN = "onecall/admin/enter-pin";
    public static final String ADMIN_WRONG = "onecall/admin/wrong";
    public static final String ADMIN_LOCKED = "onecall/admin/locked";
    public static final String ADMIN_ANNOUNCEMENT = "onecall/admin/announcement";
    public static final String ADMIN_IS_ON = "onecall/admin/is-on";
    public static final String ADMIN_IS_ARMED = "onecall/admin/is-armed";
    public static final String ADMIN_IS_OFF = "onecall/admin/is-off";
    public static final String ADMIN_CHOOSE = "onecall/admin/choose";
    public static final String ADMIN_ACTIONS = "onecall/admin/actions";
    public static final String ADMIN_DONE = "onecall/admin/done";
    public static final String ADMIN_NOT_SAVED = "onecall/admin/not-saved";
    public static final String ADMIN_RECORD = "onecall/admin/record";
    public static final String ADMIN_YOU_RECORDED = "onecall/admin/you-recorded";
    public static final String ADMIN_KEEP = "onecall/admin/keep";
    public static final String ADMIN_NOT_RECORDED = "onecall/admin/not-recorded";
    private static final List<String> ADMIN = List.of(ADMIN_ENTER_ID, ADMIN_ENTER_PIN, ADMIN_WRONG, ADMIN_LOCKED,
            ADMIN_ANNOUNCEMENT, ADMIN_IS_ON, ADMIN_IS_ARMED, ADMIN_IS_OFF, ADMIN_CHOOSE, ADMIN_ACTIONS, ADMIN_DONE,
            ADMIN_NOT_SAVED, ADMIN_RECORD, ADMIN_YOU_RECORDED, ADMIN_KEEP, ADMIN_NOT_RECORDED);

    private PromptKeys() {
    }

    public static String language(String code) {
        return LANGUAGE_PREFIX + code;
    }

    /** What callers can hear: each needs a text in every language of the center. */
    public static Set<String> of(Center c) {
        Set<String> keys = new LinkedHashSet<>();
        Center.Prompts p = c.prompts();
        keys.add(p.greeting());
        c.priority().greeting().ifPresent(keys::add);
        keys.add(p.connecting());
        keys.add(p.busy());
        keys.add(p.goodbye());
        keys.add(p.closed());
        keys.add(p.invalid());
        keys.add(p.noInput());
        c.emergency().ifPresent(e -> keys.add(e.prompt()));
        c.survey().ifPresent(s -> {
            keys.add(s.prompt());
            keys.add(s.thanks());
        });
        c.menus().values().forEach(m -> {
            keys.add(m.prompt());
            keys.add(m.invalid());
            keys.add(m.noInput());
        });
        c.infos().values().forEach(i -> keys.add(i.prompt()));
        c.collects().values().forEach(x -> keys.add(x.prompt()));
        c.topics().values().forEach(t -> keys.add(t.whisper()));
        c.announcements().values().forEach(a -> {
            keys.add(a.prompt());
            a.offer().ifPresent(keys::add);
        });
        c.languages().forEach(l -> keys.add(language(l)));
        keys.add(language(OTHER_LANGUAGE));
        keys.add(INTERPRETER_WHISPER);
        keys.add(PRIORITY_WHISPER);
        return keys;
    }

    /**
     * What only the administrators' entry plays, in the center's default language: empty for a
     * center without one. (It also plays the center's notices and announcements, which callers hear too.)
     */
    public static Set<String> admin(Center c) {
        return c.adminEntry().isEmpty() ? Set.of() : new LinkedHashSet<>(ADMIN);
    }
}
