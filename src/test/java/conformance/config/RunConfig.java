package conformance.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the engine is told, validated before the first request (DESIGN §4), in groups: where the target is and
 * how to talk to it, how cases are generated, where outputs go, the document, waivers and what to cover. An extension
 * reads its own settings itself; unknown settings are refused by whoever knows the extensions' settings too.
 */
public record RunConfig(Target target, Generation generation, Outputs outputs, Path spec, Optional<Path> waivers,
                        Selection selection, Sequencing sequencing) {

    public static final int DEFAULT_TRIES = 100;
    public static final int MAX_WORKERS = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Path DEFAULT_SPEC = Path.of("spec", "client_swagger.json");
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_HAR_MAX_ENTRIES = 2000;
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    /**
     * The target, and how requests reach it (the gateway: extra headers, a proxy). An empty {@code baseUrl} means the
     * embedded reference target; {@code waitFor} is how long to wait for it to come up before the first case
     * ({@link Duration#ZERO}: not at all).
     */
    public record Target(Optional<URI> baseUrl, Duration timeout, OptionalDouble rateLimit, int maxBodyBytes,
                         Optional<TrustStore> trustStore, int workers, Gateway gateway, Duration waitFor) {
        public static final Target EMBEDDED = new Target(Optional.empty(), DEFAULT_TIMEOUT, OptionalDouble.empty(),
                DEFAULT_MAX_BODY_BYTES, Optional.empty(), 1, Gateway.NONE, Duration.ZERO);

        public boolean embedded() {
            return baseUrl.isEmpty();
        }

        public Target withBaseUrl(URI url) {
            return new Target(Optional.of(url), timeout, rateLimit, maxBodyBytes, trustStore, workers, gateway, waitFor);
        }
    }

    /** How many cases, from which seed, judged under which profile, and whether stored failing cases go first. */
    public record Generation(int tries, OptionalLong seed, Profile profile, boolean storedCases) {
        public static final Generation DEFAULT = new Generation(DEFAULT_TRIES, OptionalLong.empty(), Profile.SPEC, true);
    }

    /**
     * How many seeded random walks over the links a run adds to its named sequences, and their most steps;
     * {@code replay}: the id of a stored sequence finding to send alone instead.
     */
    public record Sequencing(int walks, int maxLength, Optional<String> replay) {
        public static final Sequencing DEFAULT = new Sequencing(20, 6, Optional.empty());
    }

    /**
     * Where the reports go, whether a check that could not run makes the run INCONCLUSIVE, and how many exchanges
     * {@code exchanges.har} holds at most.
     */
    public record Outputs(Path reports, boolean requireAllChecks, int harMaxEntries) {
        public static final Outputs DEFAULT = new Outputs(Path.of("reports"), false, DEFAULT_HAR_MAX_ENTRIES);
    }

    public boolean embedded() {
        return target.embedded();
    }

    public RunConfig withBaseUrl(URI url) {
        return toBuilder().target(target.withBaseUrl(url)).build();
    }

    /** The defaults: the embedded target, the default tries and profile, {@code reports/}, the shipped document. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().target(target).generation(generation).outputs(outputs).spec(spec).waivers(waivers)
                .selection(selection).sequencing(sequencing);
    }

    /** Builds a {@link RunConfig} group by group; what is not set keeps its default. */
    public static final class Builder {
        private Target target = Target.EMBEDDED;
        private Generation generation = Generation.DEFAULT;
        private Outputs outputs = Outputs.DEFAULT;
        private Path spec = DEFAULT_SPEC;
        private Optional<Path> waivers = Optional.empty();
        private Selection selection = Selection.EVERYTHING;
        private Sequencing sequencing = Sequencing.DEFAULT;

        private Builder() {
        }

        public Builder target(Target value) {
            target = value;
            return this;
        }

        public Builder generation(Generation value) {
            generation = value;
            return this;
        }

        public Builder outputs(Outputs value) {
            outputs = value;
            return this;
        }

        public Builder spec(Path value) {
            spec = value;
            return this;
        }

        public Builder waivers(Optional<Path> value) {
            waivers = value;
            return this;
        }

        public Builder selection(Selection value) {
            selection = value;
            return this;
        }

        public Builder sequencing(Sequencing value) {
            sequencing = value;
            return this;
        }

        public RunConfig build() {
            return new RunConfig(target, generation, outputs, spec, waivers, selection, sequencing);
        }
    }

    public static RunConfig from(Settings s) {
        if (s.given("baseUrl") && s.get("baseUrl").isEmpty()) {
            // an empty secret or variable in CI must never turn into a run against the embedded target
            throw new ConfigException(Settings.name("baseUrl") + " is given but empty: set it to the target's base URL, "
                    + "or leave it out to test the embedded reference target.");
        }
        Optional<URI> baseUrl = s.get("baseUrl").map(RunConfig::parseBaseUrl);
        int tries = s.get("tries").map(v -> parseInt("tries", v, 1, 10_000_000)).orElse(DEFAULT_TRIES);
        OptionalLong seed = s.get("seed").map(v -> OptionalLong.of(parseLong("seed", v))).orElse(OptionalLong.empty());
        Profile profile = s.get("profile").map(RunConfig::parseProfile).orElse(Profile.SPEC);
        Optional<Path> waivers = s.get("waivers").map(v -> readableFile("waivers", v));
        OptionalDouble rate = s.get("rateLimit").map(v -> OptionalDouble.of(parseRate(v))).orElse(OptionalDouble.empty());
        Duration timeout = s.get("timeout").map(v -> parseDuration("timeout", v)).orElse(DEFAULT_TIMEOUT);
        Path reports = s.get("reports").map(v -> path("reports", v)).orElse(Outputs.DEFAULT.reports());
        if (Files.exists(reports) && !Files.isDirectory(reports)) {
            throw new ConfigException(Settings.name("reports") + ": '" + reports + "' is a file, not a folder; "
                    + "name a folder the suite may write to.");
        }
        Path spec = s.get("spec").map(v -> readableFile("spec", v)).orElseGet(() -> readableFile("spec", DEFAULT_SPEC.toString()));
        int maxBody = s.get("maxBodyBytes").map(v -> parseInt("maxBodyBytes", v, 1024, Integer.MAX_VALUE))
                .orElse(DEFAULT_MAX_BODY_BYTES);
        Target target = new Target(baseUrl, timeout, rate, maxBody, TrustStore.from(s),
                s.get("workers").map(v -> parseInt("workers", v, 1, MAX_WORKERS)).orElse(1), Gateway.from(s, baseUrl),
                s.get("waitFor").map(v -> parseDuration("waitFor", v)).orElse(Duration.ZERO));
        return builder().target(target)
                .generation(new Generation(tries, seed, profile, s.flag("storedCases", true)))
                .outputs(new Outputs(reports, s.flag("requireAllChecks", false), s.get("harMaxEntries")
                        .map(v -> parseInt("harMaxEntries", v, 1, 1_000_000)).orElse(DEFAULT_HAR_MAX_ENTRIES)))
                .spec(spec).waivers(waivers).selection(Selection.from(s))
                .sequencing(new Sequencing(s.get("sequences").map(v -> parseInt("sequences", v, 0, 10_000)).orElse(Sequencing.DEFAULT.walks()),
                        s.get("sequenceLength").map(v -> parseInt("sequenceLength", v, 2, 100)).orElse(Sequencing.DEFAULT.maxLength()),
                        s.get("replay")))
                .build();
    }

    static URI parseBaseUrl(String raw) {
        String fix = ": give an absolute http(s) URL such as -Dconformance.baseUrl=https://chatwoot.example.com";
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigException(Settings.name("baseUrl") + ": '" + raw + "' is not a valid URL (" + e.getReason() + ")" + fix);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new ConfigException(Settings.name("baseUrl") + ": '" + raw + "' is not an http or https URL" + fix);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException(Settings.name("baseUrl") + ": '" + raw + "' has no host" + fix);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ConfigException(Settings.name("baseUrl") + ": '" + raw
                    + "' must not carry a query, a fragment or credentials" + fix);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme.toLowerCase() + "://" + uri.getRawAuthority() + path);
    }

    private static Profile parseProfile(String v) {
        for (Profile p : Profile.values()) {
            if (p.id().equalsIgnoreCase(v)) {
                return p;
            }
        }
        throw new ConfigException(Settings.name("profile") + ": '" + v + "' is not a profile; use 'spec' or 'strict'.");
    }

    private static int parseInt(String key, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new ConfigException(Settings.name(key) + ": '" + v + "' is not a whole number from " + min + " to " + max + ".");
    }

    private static long parseLong(String key, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(Settings.name(key) + ": '" + v + "' is not a whole number (a 64-bit seed, as printed by an earlier run).");
        }
    }

    private static double parseRate(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && d <= 100_000 && !Double.isNaN(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(Settings.name("rateLimit") + ": '" + v
                + "' is not a number of requests per second above 0 (e.g. 5 or 0.5).");
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m}, a bare number of seconds, or ISO-8601 ({@code PT90S}). */
    static Duration parseDuration(String key, String v) {
        Matcher m = DURATION.matcher(v.trim());
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            long millis = Math.round(amount * switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                default -> 1000;
            });
            if (millis >= 1 && millis <= 3_600_000) {
                return Duration.ofMillis(millis);
            }
        } else if (v.trim().toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                Duration d = Duration.parse(v.trim());
                if (d.compareTo(Duration.ofMillis(1)) >= 0 && d.compareTo(Duration.ofHours(1)) <= 0) {
                    return d;
                }
            } catch (DateTimeParseException ignored) {
                // reported below with the accepted forms
            }
        }
        throw new ConfigException(Settings.name(key) + ": '" + v
                + "' is not a duration between 1ms and 1h; write e.g. 10s, 500ms, 2m or PT90S.");
    }

    private static Path path(String key, String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new ConfigException(Settings.name(key) + ": '" + v + "' is not a valid path.");
        }
    }

    private static Path readableFile(String key, String v) {
        Path p = path(key, v);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new ConfigException(Settings.name(key) + ": cannot read the file '" + p.toAbsolutePath()
                    + "'; check the path (relative paths start at the project folder).");
        }
        return p;
    }
}
