package conformance.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests that reach every operation of the reference, for self-tests of variants outside this package. Per operation
 * in turn: one it accepts, then one per path parameter named wrongly (an inbox and a contact that never existed, a
 * contact of the other inbox, a conversation and a message that never existed, ids that are not integers), then those
 * that break a rule of its request (a body that is not an object, a typing_status other than on and off). Creating
 * the probes creates what the accepted ones name: a contact of the first inbox with a conversation and a message in
 * it, and a contact of the second inbox.
 */
public final class Probes {
    /** One request: the operation it is routed to, and its JSON body (null: none). */
    public record Probe(String operation, String method, String path, String json) {
    }

    private final ReferenceClient client;
    private final Map<String, List<Probe>> byOperation = new LinkedHashMap<>();

    public Probes(ReferenceTarget target) {
        this.client = new ReferenceClient(target);
        ReferenceClient.Known known = client.known(target.inboxes().get(0), target.inboxes().get(1));
        for (Endpoint e : Endpoint.values()) {
            String json = e.documentsBody() ? "{}" : null;
            List<Probe> probes = new ArrayList<>(List.of(new Probe(e.operationId(), e.method(), known.path(e), json)));
            known.unknownPaths(e).forEach(p -> probes.add(new Probe(e.operationId(), e.method(), p, json)));
            if (e.documentsBody()) {
                probes.add(new Probe(e.operationId(), e.method(), known.path(e), "[]"));
            }
            if (e == Endpoint.TOGGLE_TYPING) {
                probes.add(new Probe(e.operationId(), e.method(), known.path(e).replace("typing_status=on", "typing_status=sideways"), json));
            }
            byOperation.put(e.operationId(), List.copyOf(probes));
        }
    }

    /** By operation: first the request it accepts, then one naming its inbox wrongly, then the others. */
    public Map<String, List<Probe>> byOperation() {
        return Collections.unmodifiableMap(byOperation);
    }

    /** Sends the probes, in order; what the target answers is for its variant to record. */
    public void send(List<Probe> probes) {
        probes.forEach(p -> client.send(p.method(), p.path(), p.json()));
    }
}
