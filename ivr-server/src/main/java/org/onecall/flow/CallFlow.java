package org.onecall.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.onecall.config.Center;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call from greeting to agent: greeting, language choice, hand-off to the language's queue,
 * then the center's fallback queue, and a polite goodbye if no queue can take the caller.
 * No path ends in silence: a caller who never chooses gets the default language.
 */
public final class CallFlow {
    private static final Logger log = LoggerFactory.getLogger(CallFlow.class);

    /** Per-call state; the flow object itself is shared by all calls. */
    static final class Journey {
        final Center center;
        final List<String> path = new ArrayList<>();
        String language;
        Optional<String> queue = Optional.empty();
        boolean inQueue;

        Journey(Center center) {
            this.center = center;
            this.language = center.defaultLanguage();
        }
    }

    Outcome run(CallPort call, Journey j) {
        Center center = j.center;
        call.answer();
        call.setVariable("ONECALL_CALL_ID", call.info().callId());
        call.setVariable("ONECALL_CENTER", center.id());
        call.play(center.prompts().greeting());
        j.path.add("greeting");

        j.language = chooseLanguage(call, center.languageMenu(), j);
        call.setVariable("CHANNEL(language)", j.language);
        call.setVariable("ONECALL_LANG", j.language);

        // The language's own queue first, then the fallback; each queue is tried once.
        LinkedHashSet<String> queues = new LinkedHashSet<>();
        queues.add(center.queues().get(j.language));
        queues.add(center.fallbackQueue());
        call.play(center.prompts().connecting());
        for (String queue : queues) {
            j.queue = Optional.of(queue);
            j.path.add("queue:" + queue);
            log.info("route: queue {} for language {} (center {})", queue, j.language, center.id());
            j.inQueue = true;
            QueueResult result = call.queue(queue, center.queueTimeout());
            j.inQueue = false;
            log.info("queue {} ended: {}", queue, result);
            if (result == QueueResult.ANSWERED) {
                return Outcome.ANSWERED;
            }
        }
        call.play(center.prompts().busy());
        j.path.add("busy");
        return Outcome.QUEUE_UNAVAILABLE;
    }

    private String chooseLanguage(CallPort call, Center.LanguageMenu menu, Journey j) {
        // A wrong key and silence get different notices. GET DATA plays one file only (Asterisk
        // does not split "a&b" there), so the notice is played on its own before the question.
        String retryNotice = null;
        for (int attempt = 1; attempt <= menu.tries(); attempt++) {
            if (retryNotice != null) {
                call.play(retryNotice);
            }
            Input input = call.ask(menu.prompt(), menu.timeout(), 1);
            switch (input) {
                case Input.Keys(String digits) -> {
                    String language = menu.options().get(digits.charAt(0));
                    if (language != null) {
                        log.info("language menu: key {} -> {}", digits, language);
                        j.path.add("language:" + language);
                        return language;
                    }
                    log.info("language menu: key {} is not a choice (try {} of {})", digits, attempt, menu.tries());
                    retryNotice = menu.invalid();
                }
                case Input.NoInput() -> {
                    log.info("language menu: no input (try {} of {})", attempt, menu.tries());
                    retryNotice = menu.noInput();
                }
            }
        }
        String fallback = j.center.defaultLanguage();
        log.info("language menu: no choice after {} tries; continuing in {}", menu.tries(), fallback);
        j.path.add("language:" + fallback + "(default)");
        return fallback;
    }

    static Duration since(java.time.Instant start, java.time.InstantSource clock) {
        return Duration.between(start, clock.instant());
    }
}
