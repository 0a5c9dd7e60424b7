package conformance.config;

import conformance.reference.Dialect;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a run is told, validated before the first request (DESIGN §4). An empty {@code baseUrl} means the
 * embedded reference target.
 */
public record RunConfig(
        Optional<URI> baseUrl,
        Optional<String> inboxIdentifier,
        Optional<String> contactIdentifier,
        Optional<String> otherInboxIdentifier,
        Optional<Secret> hmacToken,
        Optional<Secret> otherInboxHmacToken,
        int tries,
        OptionalLong seed,
        Profile profile,
        Optional<Path> waivers,
        OptionalDouble rateLimit,
        Duration timeout,
        Path reports,
        Path spec,
        int maxBodyBytes,
        Dialect reference,
        Optional<TrustStore> trustStore,
        int workers,
        boolean requireAllChecks,
        boolean storedCases) {

    public static final int DEFAULT_TRIES = 200;
    public static final int MAX_WORKERS = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Path DEFAULT_SPEC = Path.of("spec", "client_swagger.json");
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    public boolean embedded() {
        return baseUrl.isEmpty();
    }

    public RunConfig withBaseUrl(URI url) {
        return new RunConfig(Optional.of(url), inboxIdentifier, contactIdentifier, otherInboxIdentifier, hmacToken,
                otherInboxHmacToken, tries, seed, profile, waivers, rateLimit, timeout, reports, spec, maxBodyBytes, reference,
                trustStore, workers, requireAllChecks, storedCases);
    }

    /** The embedded target's inboxes: they need no HMAC token, so none is kept. */
    public RunConfig withIdentities(String inbox, Optional<String> otherInbox) {
        return new RunConfig(baseUrl, Optional.of(inbox), contactIdentifier, otherInbox, Optional.empty(),
                Optional.empty(), tries, seed, profile, waivers, rateLimit, timeout, reports, spec, maxBodyBytes, reference,
                trustStore, workers, requireAllChecks, storedCases);
    }

    public static RunConfig from(Settings s) {
        KnownSettings.core().requireKnown(s);
        if (s.given("baseUrl") && s.get("baseUrl").isEmpty()) {
            // an empty secret or variable in CI must never turn into a run against the embedded target
            throw new ConfigException(Settings.name("baseUrl") + " is given but empty: set it to the target's base URL, "
                    + "or leave it out to test the embedded reference target.");
        }
        Optional<URI> baseUrl = s.get("baseUrl").map(RunConfig::parseBaseUrl);
        Optional<String> inbox = s.get("inboxIdentifier");
        if (baseUrl.isPresent() && inbox.isEmpty()) {
            throw new ConfigException(Settings.name("inboxIdentifier") + " is required when "
                    + Settings.name("baseUrl") + " is set: give the identifier of an API-channel inbox on that server, "
                    + "e.g. -Dconformance.inboxIdentifier=<inbox identifier>");
        }
        Dialect reference = s.get("reference").map(RunConfig::parseDialect).orElse(Dialect.DOCUMENT);
        if (baseUrl.isPresent() && s.get("reference").isPresent()) {
            throw new ConfigException(Settings.name("reference") + " chooses how the embedded reference target answers; "
                    + "it has no effect on " + Settings.name("baseUrl") + ". Drop one of them.");
        }
        if (baseUrl.isEmpty()) {
            for (String key : new String[] {"inboxIdentifier", "contactIdentifier", "otherInboxIdentifier", "hmacToken",
                "otherInboxHmacToken"}) {
                if (s.get(key).isPresent()) {
                    throw new ConfigException(Settings.name(key) + " is set but " + Settings.name("baseUrl")
                            + " is not: without a base URL the suite tests its embedded reference target, which has "
                            + "its own identifiers. Set " + Settings.property("baseUrl") + " to the server you mean.");
                }
            }
        }
        if (s.get("otherInboxHmacToken").isPresent() && s.get("otherInboxIdentifier").isEmpty()) {
            throw new ConfigException(Settings.name("otherInboxHmacToken") + " is set but " + Settings.name("otherInboxIdentifier")
                    + " is not: it is the HMAC token of that second inbox; name the inbox or drop the token.");
        }
        int tries = s.get("tries").map(v -> parseInt("tries", v, 1, 10_000_000)).orElse(DEFAULT_TRIES);
        OptionalLong seed = s.get("seed").map(v -> OptionalLong.of(parseLong("seed", v))).orElse(OptionalLong.empty());
        Profile profile = s.get("profile").map(RunConfig::parseProfile).orElse(Profile.SPEC);
        Optional<Path> waivers = s.get("waivers").map(v -> readableFile("waivers", v));
        OptionalDouble rate = s.get("rateLimit").map(v -> OptionalDouble.of(parseRate(v))).orElse(OptionalDouble.empty());
        Duration timeout = s.get("timeout").map(v -> parseDuration("timeout", v)).orElse(DEFAULT_TIMEOUT);
        Path reports = s.get("reports").map(v -> path("reports", v)).orElse(Path.of("reports"));
        if (Files.exists(reports) && !Files.isDirectory(reports)) {
            throw new ConfigException(Settings.name("reports") + ": '" + reports + "' is a file, not a folder; "
                    + "name a folder the suite may write to.");
        }
        Path spec = s.get("spec").map(v -> readableFile("spec", v)).orElseGet(() -> readableFile("spec", DEFAULT_SPEC.toString()));
        int maxBody = s.get("maxBodyBytes").map(v -> parseInt("maxBodyBytes", v, 1024, Integer.MAX_VALUE))
                .orElse(DEFAULT_MAX_BODY_BYTES);
        return new RunConfig(baseUrl, inbox, s.get("contactIdentifier"), s.get("otherInboxIdentifier"),
                s.get("hmacToken").map(Secret::new), s.get("otherInboxHmacToken").map(Secret::new), tries, seed, profile,
                waivers, rate, timeout, reports, spec, maxBody, reference, TrustStore.from(s),
                s.get("workers").map(v -> parseInt("workers", v, 1, MAX_WORKERS)).orElse(1),
                s.flag("requireAllChecks", false), s.flag("storedCases", true));
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

    private static Dialect parseDialect(String v) {
        for (Dialect d : Dialect.values()) {
            if (d.id().equalsIgnoreCase(v)) {
                return d;
            }
        }
        throw new ConfigException(Settings.name("reference") + ": '" + v + "' is not a dialect of the embedded target; "
                + "use 'document' (as the document describes) or 'chatwoot' (as real Chatwoot answers).");
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
        }
        throw new ConfigException(Settings.name(key) + ": '" + v
                + "' is not a duration between 1ms and 1h; write e.g. 10s, 500ms or 2m.");
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
