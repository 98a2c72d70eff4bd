package org.onecall.config;

import java.util.LinkedHashSet;
import java.util.Set;

/** Every sound a center can play, and the names of the sounds the server plays without the file naming them. */
public final class PromptKeys {
    public static final String INTERPRETER_WHISPER = "onecall/whisper/interpreter";
    public static final String PRIORITY_WHISPER = "onecall/whisper/priority";
    /** The language a caller chose, whispered to the agent; "other" for the interpreter path. */
    public static final String LANGUAGE_PREFIX = "onecall/language/";
    public static final String OTHER_LANGUAGE = "other";

    private PromptKeys() {
    }

    public static String language(String code) {
        return LANGUAGE_PREFIX + code;
    }

    public static Set<String> of(Center c) {
        Set<String> keys = new LinkedHashSet<>();
        Center.Prompts p = c.prompts();
        keys.add(p.greeting());
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
}
