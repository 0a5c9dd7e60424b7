package conformance.checks;

import conformance.contract.ContractLoader;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One way an exchange broke a check's rule. {@code specGap} marks findings where the document, not the target, is
 * short (it offers no status for rejecting invalid input). {@code shrink} says what shrinking made of its case.
 */
public record Finding(String checkId, String operationId, String message, int status, Optional<String> pointer,
                      Exchange exchange, boolean specGap, Optional<Shrunk> shrink) {

    /**
     * What shrinking made of a finding's case: {@code smaller}, the smallest exchange found that still fails the same
     * way (none when no smaller case did), after {@code tries} candidates; {@code minimal} false when the budget ran
     * out first, so a smaller case may exist.
     */
    public record Shrunk(Optional<Exchange> smaller, int tries, boolean minimal) {
    }

    public static Finding of(Check check, Exchange e, String message) {
        return new Finding(check.id(), e.operation().id(), message, e.status(), Optional.empty(), e, false, Optional.empty());
    }

    public Finding at(String jsonPointer) {
        return new Finding(checkId, operationId, message, status, Optional.of(jsonPointer), exchange, specGap, shrink);
    }

    public Finding asSpecGap() {
        return new Finding(checkId, operationId, message, status, pointer, exchange, true, shrink);
    }

    public Finding withShrunk(Shrunk result) {
        return new Finding(checkId, operationId, message, status, pointer, exchange, specGap, Optional.of(result));
    }

    /** The smallest case found that still breaks the same rule the same way, when shrinking found one. */
    public Optional<Exchange> shrunk() {
        return shrink.flatMap(Shrunk::smaller);
    }

    /** How far shrinking got, for reports; empty when its case was not shrunk. */
    public Optional<String> shrinkNote() {
        return shrink.map(s -> {
            int from = exchange.request().body().length;
            int to = s.smaller().map(e -> e.request().body().length).orElse(from);
            String got = exchange.chain().isPresent() ? s.smaller().map(e -> "from " + steps(exchange) + " to " + steps(e))
                    .orElse("no smaller chain failed the same way")
                    : to < from ? "from " + from + " to " + to + " bytes" : "no smaller case failed the same way";
            return s.minimal() ? "shrunk " + got + " in " + s.tries() + " tries; no smaller case fails the same way"
                    : "not minimal: the shrink budget ran out after " + s.tries() + " tries (" + got + ")";
        });
    }

    /** How long a step's chain is, itself included: its steps and the bytes of their bodies. */
    private static String steps(Exchange step) {
        List<Exchange> all = new ArrayList<>(step.chain().map(Chain::earlier).orElse(List.of()));
        all.add(step);
        return all.size() + " steps (" + all.stream().mapToInt(e -> e.request().body().length).sum() + " body bytes)";
    }

    /** The same finding about a lighter copy of its exchange (see {@link Exchange#kept}). */
    public Finding about(Exchange lighter) {
        return new Finding(checkId, operationId, message, status, pointer, lighter, specGap, shrink);
    }

    /**
     * What makes two findings "the same problem": equal signatures are counted, not repeated. The same check, at the
     * same place, with the same status and message, and, for an error answer not judged at a place in its body, the
     * same message shape ({@link ResponseSignature}): two causes of one status are two problems.
     */
    public String signature() {
        return checkId + '|' + operationId + '|' + status + '|' + pointer.orElse("") + '|' + message + '|' + responseSignature();
    }

    /**
     * What makes two findings on steps of sequences the same problem, whichever resources each sequence made: the
     * {@link #signature} with the numbers, ids and quoted values of the message taken out (a created id is new each time).
     */
    public String sameWayWithOtherIds() {
        return checkId + '|' + operationId + '|' + status + '|' + pointer.orElse("") + '|'
                + ResponseSignature.withoutValues(exchange, message) + '|' + responseSignature();
    }

    /**
     * For a finding on a step of a sequence: the name its chain is stored and replayed under, the same whenever that
     * sequence fails this way again, against any target.
     */
    public Optional<String> chainId() {
        return exchange.chain().map(c -> "seq-" + ContractLoader.sha256((c.sequence() + '\n' + sameWayWithOtherIds())
                .getBytes(StandardCharsets.UTF_8)).substring(0, 12));
    }

    /** The message shape of the error answer that makes this finding's cause; empty where the place or message does. */
    public String responseSignature() {
        return pointer.isEmpty() && status >= 400 ? ResponseSignature.of(exchange) : "";
    }
}
