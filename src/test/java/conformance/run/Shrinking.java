package conformance.run;

import conformance.checks.Catalog;
import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.config.Profile;
import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.exchange.HttpExchanger;
import conformance.generation.Case;
import conformance.generation.Intent;
import conformance.shrink.Shrinker;
import conformance.verdict.Tally;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * After the cases: a few failing payloads are shrunk against the target, each to the smallest payload that still
 * makes the same check fail at the same place, and the finding carries that smallest exchange.
 */
final class Shrinking {
    static final int MAX_SHRINKS = 5;
    static final Duration SHRINK_TIME = Duration.ofSeconds(5);
    static final int SHRINK_TRIES = 200;

    private final HttpExchanger exchanger;
    private final Operation operation;
    private final Profile profile;
    private final Progress progress;

    Shrinking(HttpExchanger exchanger, Operation operation, Profile profile, Progress progress) {
        this.exchanger = exchanger;
        this.operation = operation;
        this.profile = profile;
        this.progress = progress;
    }

    /** Shrinks the first payload-dependent finding of a few problems to the smallest case that still breaks the same check. */
    void shrink(Tally tally, List<Check> checks) {
        Set<String> problems = new HashSet<>();
        List<Finding> worth = tally.distinct().stream()
                .filter(f -> f.exchange().kase().payload().isPresent())
                .filter(f -> f.exchange().kase().intent() == Intent.POSITIVE || f.exchange().kase().intent() == Intent.NEGATIVE)
                .filter(f -> checks.stream().anyMatch(c -> c.id().equals(f.checkId()) && c.payloadDependent()))
                // one per problem: many payloads showing the same fault shrink to the same case
                .filter(f -> problems.add(f.checkId() + '|' + f.pointer().orElse("")))
                .limit(MAX_SHRINKS).toList();
        if (worth.isEmpty()) {
            return;
        }
        progress.stage("shrinking " + worth.size() + " failing case" + (worth.size() == 1 ? "" : "s"));
        Shrinker shrinker = new Shrinker(SHRINK_TIME, SHRINK_TRIES);
        for (Finding f : worth) {
            progress.stage("shrinking a case of " + f.checkId());
            Case original = f.exchange().kase();
            Exchange[] last = {null};
            // a fresh instance, once per finding: only payload-dependent checks shrink, and they judge each answer alone
            Check fresh = Catalog.create(profile).stream().filter(c -> c.id().equals(f.checkId())).findFirst().orElseThrow();
            Shrinker.Result result = shrinker.shrink(original.payload().get(), candidate -> {
                if (!keepsIntent(original, candidate, operation)) {
                    return false;
                }
                Exchange e = exchanger.deliver(original.withPayload(candidate), operation).last();
                boolean fails = fresh.appliesTo(e) && fresh.judge(e).stream().anyMatch(x -> sameProblem(x, f));
                if (fails) {
                    last[0] = e;
                }
                return fails;
            });
            if (last[0] != null && !result.smallest().equals(original.payload().get())) {
                Exchange smallest = last[0];
                tally.revise(f, old -> old.withShrunk(smallest.kept(Judging.KEPT_BODY_BYTES)));
            }
        }
    }

    /** The same rule broken the same way: same check, and the same place in the body when the finding names one. */
    private static boolean sameProblem(Finding candidate, Finding original) {
        return candidate.checkId().equals(original.checkId()) && candidate.pointer().equals(original.pointer());
    }

    /**
     * A shrunk positive case must stay schema-valid and a shrunk negative case must still break its rule at the same
     * place; otherwise the verdict on it would be about another case (a known false-positive trap in the field).
     */
    private static boolean keepsIntent(Case original, JsonNode candidate, Operation operation) {
        Optional<JsonSchema> schema = operation.requestSchema();
        if (schema.isEmpty()) {
            return true;
        }
        List<JsonSchema.Violation> violations = schema.get().validate(candidate);
        if (original.intent() == Intent.POSITIVE) {
            return violations.isEmpty();
        }
        return original.brokenRule().map(rule -> violations.stream().anyMatch(v ->
                rule.pointer().map(p -> p.equals(v.pointer())).orElse(true)
                        && rule.keyword().map(k -> k.equals(v.keyword())).orElse(true))).orElse(!violations.isEmpty());
    }
}
