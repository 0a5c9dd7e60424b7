package conformance.verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * What a replay of a run needs beside the seed, document and profile the report already holds: the limits it ran
 * with, the embedded target's dialect (none for a remote target), the waivers file, whether stored failing cases went
 * first, where the suite came from, the command that replays it, and the proxy requests went through ({@code none}, or
 * the proxy without its credentials, with the setting or variable that named it).
 */
public record Replay(Limits limits, Optional<String> dialect, Optional<WaiversFile> waivers, StoredCases storedCases,
                     Provenance provenance, Command command, String proxy) {

    public record Limits(int tries, int workers, Duration timeout, OptionalDouble rateLimit) {
        /** The timeout as the setting takes it: {@code 10s}, {@code 500ms}. */
        public String timeoutText() {
            return Waited.text(timeout);
        }
    }

    public record WaiversFile(String path, String sha256) {
    }

    /** Whether the run was allowed to send the stored failing cases of its target first, and how many it sent. */
    public record StoredCases(boolean enabled, int sent) {
    }

    /** The suite's git commit when it was run from a checkout, and the CI run's page when one is known. */
    public record Provenance(Optional<String> gitCommit, Optional<String> ciRunUrl) {
    }

    /**
     * The settings that replay the run, as {@code -D} arguments, and the secrets it was given as environment variables
     * with placeholders ({@code CONFORMANCE_HMAC_TOKEN="<the inbox's token>"}): never their values.
     */
    public record Command(List<String> properties, List<String> secretPlaceholders) {
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/=@%+,-]+");

        /** One shell command: secrets first as placeholders, then Maven with every setting, the seed, no stored cases. */
        public String line(long seed) {
            List<String> words = new ArrayList<>(secretPlaceholders);
            words.addAll(List.of("mvn", "-q", "verify", "-Pconformance"));
            properties.forEach(p -> words.add(quoted(p)));
            words.add("-Dconformance.seed=" + seed);
            words.add("-Dconformance.storedCases=false");
            return String.join(" ", words);
        }

        private static String quoted(String word) {
            return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
        }
    }

    public Replay sent(int storedCasesSent) {
        return new Replay(limits, dialect, waivers, new StoredCases(storedCases.enabled, storedCasesSent), provenance, command, proxy);
    }

    /** The replay command of this run. */
    public String line(long seed) {
        return command.line(seed);
    }
}
