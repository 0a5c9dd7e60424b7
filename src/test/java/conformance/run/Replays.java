package conformance.run;

import conformance.config.ConfigException;
import conformance.config.RunConfig;
import conformance.config.Settings;
import conformance.contract.ContractLoader;
import conformance.extension.Reproduction;
import conformance.verdict.Replay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@link Replay} of a run, from the settings the user gave (before the embedded target filled in its own). */
public final class Replays {
    private Replays() {
    }

    /** {@code environment} gives the CI run (GitHub's variables); {@code projectFolder} the git checkout, if any. */
    public static Replay of(RunConfig config, Reproduction extension, Map<String, String> environment, Path projectFolder) {
        Optional<Replay.WaiversFile> waivers = config.waivers().map(w -> new Replay.WaiversFile(w.toString(), sha256(w)));
        RunConfig.Target target = config.target();
        Replay.Limits limits = new Replay.Limits(config.generation().tries(), target.workers(), target.timeout(), target.rateLimit());
        return new Replay(limits, extension.embeddedVariant(), waivers,
                new Replay.StoredCases(config.generation().storedCases(), 0),
                new Replay.Provenance(gitCommit(projectFolder), ciRunUrl(environment)), command(config, extension, limits),
                target.gateway().route().shown());
    }

    private static Replay.Command command(RunConfig c, Reproduction extension, Replay.Limits limits) {
        List<String> p = new ArrayList<>();
        RunConfig.Target target = c.target();
        target.baseUrl().ifPresent(u -> p.add(property("baseUrl", u.toString())));
        p.addAll(extension.properties());
        p.add(property("tries", String.valueOf(c.generation().tries())));
        p.add(property("workers", String.valueOf(target.workers())));
        p.add(property("timeout", limits.timeoutText()));
        target.rateLimit().ifPresent(r -> p.add(property("rateLimit", String.valueOf(r))));
        p.add(property("profile", c.generation().profile().id()));
        c.waivers().ifPresent(w -> p.add(property("waivers", w.toString())));
        if (!c.spec().equals(RunConfig.DEFAULT_SPEC)) {
            p.add(property("spec", c.spec().toString()));
        }
        if (target.maxBodyBytes() != RunConfig.DEFAULT_MAX_BODY_BYTES) {
            p.add(property("maxBodyBytes", String.valueOf(target.maxBodyBytes())));
        }
        target.trustStore().ifPresent(t -> p.add(property("trustStore", t.path().toString())));
        c.sequencing().replay().ifPresent(id -> p.add(property("replay", id)));
        if (c.outputs().requireAllChecks()) {
            p.add(property("requireAllChecks", "true"));
        }
        // quoted, so that the line a shell is given runs as it stands until the placeholder is replaced
        List<String> secrets = new ArrayList<>(extension.secrets());
        target.trustStore().ifPresent(t -> secrets.add(Settings.envName("trustStorePassword") + "=\"<its password, if it has one>\""));
        if (!target.gateway().headers().all().isEmpty()) {
            secrets.add(Settings.envName("headers") + "=\"<the extra headers, one Name: value a line>\"");
        }
        if (target.gateway().route().fromSetting()) {
            secrets.add(Settings.envName("proxy") + "=\"<the proxy, " + "http://[user[:password]@]host:port>\"");
        }
        return new Replay.Command(List.copyOf(p), List.copyOf(secrets));
    }

    private static String property(String key, String value) {
        return "-D" + Settings.property(key) + "=" + value;
    }

    private static String sha256(Path file) {
        try {
            return ContractLoader.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(Settings.name("waivers") + ": cannot read '" + file + "': " + e.getMessage());
        }
    }

    /** GitHub Actions' page of this run, when its variables are all there. */
    static Optional<String> ciRunUrl(Map<String, String> env) {
        String server = env.get("GITHUB_SERVER_URL");
        String repository = env.get("GITHUB_REPOSITORY");
        String run = env.get("GITHUB_RUN_ID");
        if (blank(server) || blank(repository) || blank(run)) {
            return Optional.empty();
        }
        return Optional.of(server.replaceAll("/+$", "") + "/" + repository + "/actions/runs/" + run);
    }

    /** The commit checked out in {@code folder}, as git says; none when git is missing or it is no checkout. */
    static Optional<String> gitCommit(Path folder) {
        try {
            Process git = new ProcessBuilder("git", "-C", folder.toAbsolutePath().toString(), "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40,64}") ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
