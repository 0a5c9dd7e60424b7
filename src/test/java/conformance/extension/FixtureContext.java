package conformance.extension;

import conformance.contract.Contract;
import conformance.exchange.Redactor;
import conformance.fixtures.Client;

/**
 * What fixtures get from the run: the document, a client that judges every answer, the redactor (for secrets the
 * target hands out), the run's id (to mark what it creates) and its seed (identifier scenarios replay with it).
 */
public record FixtureContext(Contract contract, Client client, Redactor redactor, String runId, long seed) {
}
