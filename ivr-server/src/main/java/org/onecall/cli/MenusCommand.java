package org.onecall.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.onecall.config.Center;
import org.onecall.config.OneCallConfig;
import org.onecall.config.PromptManifest;
import org.onecall.config.Target;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "menus", mixinStandardHelpOptions = true,
        description = "Print a center's menus as a tree: every key, where it leads, and what the caller hears.")
final class MenusCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--center", required = true, paramLabel = "ID", description = "The center, e.g. metro-311.")
    String centerId;

    @Option(names = "--language", paramLabel = "CODE", description = "Show prompt texts in this language"
            + " (default: the center's first).")
    String language;

    @Option(names = "--keys-only", description = "Leave the prompt texts out.")
    boolean keysOnly;

    private final PrintStream out = System.out;
    private Center center;
    private PromptManifest prompts;
    private final Set<String> shown = new HashSet<>();

    @Override
    public Integer call() {
        Optional<OneCallConfig> loaded = options.loadOrPrint();
        if (loaded.isEmpty()) {
            return 1;
        }
        OneCallConfig config = loaded.get();
        Optional<Center> found = ConfigOptions.center(config, centerId);
        if (found.isEmpty()) {
            return 2;
        }
        center = found.get();
        prompts = config.prompts();
        if (language == null) {
            language = center.defaultLanguage();
        }
        out.println(center.id() + " (" + center.name() + "), " + center.timezone() + ", languages " + center.languages());
        out.println("greeting " + prompt(center.prompts().greeting()));
        center.priority().greeting().ifPresent(g -> out.println("greeting on the 911 overflow entry " + prompt(g)));
        center.emergency().ifPresent(e -> out.println("at every menu: * repeats it, 0 reaches a person, " + e.key()
                + " -> 911"));
        if (center.emergency().isEmpty()) {
            out.println("at every menu: * repeats it, 0 reaches a person");
        }
        menu(center.start(), "");
        out.println();
        out.println("when the desk needed is closed: " + prompt(center.prompts().closed()));
        menu(center.afterHours(), "");
        return 0;
    }

    private void menu(String id, String indent) {
        Center.Menu m = center.menus().get(id);
        if (!shown.add(id)) {
            out.println(indent + "[" + id + "] (shown above)");
            return;
        }
        out.println(indent + "[" + id + "] " + prompt(m.prompt()) + "  (" + m.timeout().toSeconds() + " s, "
                + m.tries() + " tries" + (m.asks() == Center.Asks.CHOICE ? "" : "; asked unless the "
                + m.asks().name().toLowerCase() + " is known") + ")");
        String inner = indent + "    ";
        m.options().values().stream().sorted(java.util.Comparator.comparing(Center.Option::key))
                .forEach(o -> target(o.key() + " -> ", o.target(), inner));
        target("no choice after " + m.tries() + " tries -> ", m.failure(), inner);
        m.next().ifPresent(n -> target("then -> ", n, inner));
    }

    private void target(String label, Target t, String indent) {
        switch (t) {
            case Target.ToMenu(String m) -> {
                if (shown.contains(m)) {
                    out.println(indent + label + "[" + m + "] (above)");
                } else {
                    out.println(indent + label);
                    menu(m, indent + "  ");
                }
            }
            case Target.ToTopic(String topic) -> out.println(indent + label + "topic " + topic + " -> "
                    + center.topics().get(topic).queue().map(q -> "queue " + q).orElse("the city's desk"));
            case Target.ToInfo(String i) -> {
                Center.Info info = center.infos().get(i);
                out.println(indent + label + "info " + i + ": " + prompt(info.prompt())
                        + info.sayDigits().map(d -> " + reads out " + d).orElse(""));
                target("then -> ", info.then(), indent + "    ");
            }
            case Target.ToCollect(String x) -> {
                Center.Collect c = center.collects().get(x);
                out.println(indent + label + "collect " + x + " (up to " + c.digits() + " digits): " + prompt(c.prompt()));
                target("then -> ", c.then(), indent + "    ");
            }
            case Target.SetLanguage(String l) -> out.println(indent + label + "language " + l);
            case Target.SetCity(String c) -> out.println(indent + label + "city " + c + " -> "
                    + center.cities().get(c).queue().map(q -> "queue " + q).orElse("province desk "
                    + center.routing().generalQueue()));
            case Target.Agent() -> out.println(indent + label + "a person (the topic's desk, or "
                    + center.routing().generalQueue() + ")");
            case Target.Interpreter() -> out.println(indent + label + "interpreter path -> queue "
                    + center.routing().interpreterQueue());
            case Target.Emergency() -> out.println(indent + label + "911");
            case Target.Goodbye() -> out.println(indent + label + "goodbye " + prompt(center.prompts().goodbye()));
            case Target.Back() -> out.println(indent + label + "back to the menu the caller came from");
        }
    }

    private String prompt(String key) {
        if (keysOnly) {
            return key;
        }
        String text = prompts.mixed().contains(key)
                ? prompts.texts().get(key).get(PromptManifest.MIXED)
                : prompts.text(key, language).orElse("(no " + language + " text)");
        return key + " \"" + text + "\"";
    }
}
