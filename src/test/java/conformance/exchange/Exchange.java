package conformance.exchange;

import conformance.contract.Operation;
import conformance.generation.Case;
import java.time.Duration;
import java.util.Optional;

/**
 * One case sent and what came of it: a response, or a transport failure, never both; a step of a sequence carries its
 * {@link Chain}.
 */
public record Exchange(Case kase, Operation operation, SentRequest request, Optional<ReceivedResponse> response,
                       Optional<TransportFailure> failure, Duration elapsed, Optional<Chain> chain) {

    /** An exchange that is no step of a sequence. */
    public Exchange(Case kase, Operation operation, SentRequest request, Optional<ReceivedResponse> response,
                    Optional<TransportFailure> failure, Duration elapsed) {
        this(kase, operation, request, response, failure, elapsed, Optional.empty());
    }

    /** This exchange as a step of a sequence. */
    public Exchange in(Chain c) {
        return new Exchange(kase, operation, request, response, failure, elapsed, Optional.of(c));
    }

    public boolean answered() {
        return response.isPresent();
    }

    /**
     * The same exchange keeping at most {@code maxBodyBytes} of its response body and not the parsed JSON: what a
     * finding holds on to for its report, so that many findings on big answers cannot fill the run's memory.
     */
    public Exchange kept(int maxBodyBytes) {
        return new Exchange(kase, operation, request, response.map(r -> r.kept(maxBodyBytes)), failure, elapsed,
                chain.map(c -> new Chain(c.sequence(), c.earlier().stream().map(e -> e.kept(maxBodyBytes)).toList(), c.from(), c.fromResponse())));
    }

    public int status() {
        return response.map(ReceivedResponse::status).orElse(0);
    }
}
