package conformance.run;

import conformance.checks.Check;
import conformance.checks.Finding;
import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import conformance.exchange.Exchange;
import conformance.exchange.HttpExchanger;
import conformance.generation.Case;
import conformance.generation.CaseKind;
import conformance.generation.Intent;
import conformance.shrink.Shrinker;
import conformance.verdict.Tally;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * After the cases: a few failing payloads are shrunk against the target, each to the smallest payload that still
 * fails the same way (the same finding signature: check, place, status, message and the answer's message shape), and
 * the finding carries that smallest exchange, or says that the budget ran out before shrinking was done.
 */
final class Shrinking {
    static final int MAX_SHRINKS = 5;
    /**
     * A cap for slow targets: the tries bound shrinking first, so that a seed gives the same shrunk cases (and the same
     * console) on a loaded machine as on a quiet one.
     */
    static final Duration SHRINK_TIME = Duration.ofSeconds(20);
    /** Each attempt of a sequence re-sends its whole chain: a tighter cap, since the chain, not its bytes, matters most. */
    static final Duration SEQUENCE_SHRINK_TIME = Duration.ofSeconds(5);
    static final int SHRINK_TRIES = 200;

    private final HttpExchanger exchanger;
    private final Supplier<List<Check>> catalog;
    private final Progress progress;

    /** @param catalog makes the run's checks afresh */
    Shrinking(HttpExchanger exchanger, Supplier<List<Check>> catalog, Progress progress) {
        this.exchanger = exchanger;
        this.catalog = catalog;
        this.progress = progress;
    }

    /**
     * Shrinks a few distinct payload-dependent findings (each a cause of its own), each to the smallest case that
     * still fails the same way. A finding about the whole run has no case of its own to shrink.
     */
    void shrink(Tally tally, List<Check> checks) {
        List<Finding> worth = tally.distinct().stream()
                .filter(f -> f.exchange().kase().payload().isPresent())
                // a step of a sequence is shrunk with its chain (SequenceShrinking)
                .filter(f -> f.exchange().chain().isEmpty())
                .filter(f -> f.exchange().kase().kind().equals(CaseKind.POSITIVE) || f.exchange().kase().kind().equals(CaseKind.NEGATIVE))
                .filter(f -> checks.stream().anyMatch(c -> c.id().equals(f.checkId()) && c.payloadDependent()))
                .filter(f -> !tally.aboutTheRun(f))
                .limit(MAX_SHRINKS).toList();
        if (worth.isEmpty()) {
            return;
        }
        progress.stage("shrinking " + worth.size() + " failing case" + (worth.size() == 1 ? "" : "s"));
        Shrinker shrinker = new Shrinker(SHRINK_TIME, SHRINK_TRIES);
        for (Finding f : worth) {
            progress.stage("shrinking a case of " + f.checkId());
            Case original = f.exchange().kase();
            Operation operation = f.exchange().operation();
            Exchange[] last = {null};
            String sameWay = f.signature();
            // a fresh instance, once per finding: only payload-dependent checks shrink, and they judge each answer alone
            Check fresh = catalog.get().stream().filter(c -> c.id().equals(f.checkId())).findFirst().orElseThrow();
            Shrinker.Result result = shrinker.shrink(original.payload().get(), candidate -> {
                if (!keepsIntent(original, candidate, operation)) {
                    return false;
                }
                Exchange e = exchanger.deliver(original.withPayload(candidate), operation).last();
                boolean fails = fresh.appliesTo(e) && fresh.judge(e).stream().anyMatch(x -> x.signature().equals(sameWay));
                if (fails) {
                    last[0] = e;
                }
                return fails;
            });
            boolean smaller = last[0] != null && !result.smallest().equals(original.payload().get());
            if (smaller || result.exhausted()) {
                Optional<Exchange> smallest = smaller ? Optional.of(last[0].kept(Judging.KEPT_BODY_BYTES)) : Optional.empty();
                tally.revise(f, old -> old.withShrunk(new Finding.Shrunk(smallest, result.tries(), !result.exhausted())));
            }
        }
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
