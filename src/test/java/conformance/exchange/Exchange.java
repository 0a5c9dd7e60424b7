package conformance.exchange;

import conformance.contract.Operation;
import conformance.generation.Case;
import java.time.Duration;
import java.util.Optional;

/** One case sent and what came of it: a response, or a transport failure, never both. */
public record Exchange(Case kase, Operation operation, SentRequest request, Optional<ReceivedResponse> response,
                       Optional<TransportFailure> failure, Duration elapsed) {

    public boolean answered() {
        return response.isPresent();
    }

    public int status() {
        return response.map(ReceivedResponse::status).orElse(0);
    }
}
