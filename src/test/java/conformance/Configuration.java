package conformance;

import conformance.chatwoot.ChatwootExtension;
import conformance.chatwoot.ChatwootSettings;
import conformance.config.KnownSettings;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.run.ConformanceRun;
import conformance.run.Progress;

/**
 * A run's whole configuration: the engine's and the Chatwoot extension's, each read from the same settings, with
 * every setting neither knows refused first.
 */
public record Configuration(RunConfig config, ChatwootSettings chatwoot) {

    /** Every setting a run knows: the engine's and the extension's (the README's settings table lists the same). */
    public static KnownSettings knownSettings() {
        return KnownSettings.core().with(ChatwootSettings.settings());
    }

    public static Configuration from(Settings s) {
        knownSettings().requireKnown(s);
        RunConfig config = RunConfig.from(s);
        return new Configuration(config, ChatwootSettings.from(s, config.embedded()));
    }

    /** The Chatwoot client API as the engine's extension, with these settings. */
    public ChatwootExtension extension() {
        return new ChatwootExtension(chatwoot);
    }

    public ConformanceRun run(Progress progress) {
        return new ConformanceRun(config, extension(), progress);
    }

    public ConformanceRun run(Progress progress, ConformanceRun.Observer observer) {
        return new ConformanceRun(config, extension(), progress, observer);
    }
}
