package conformance.selftest;

import conformance.checks.ContentTypeConformance;
import conformance.checks.ConversationSemantics;
import conformance.checks.CrossInboxIsolation;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.checks.NegativeDataRejection;
import conformance.checks.NotAServerError;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.StatusCodeConformance;
import conformance.checks.TransportCheck;
import conformance.checks.UnknownIdentifierRejection;
import conformance.reference.Outcome;
import conformance.reference.Reply;
import conformance.reference.Variant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Variants of the reference target, each breaking exactly one rule, named by the check that must catch it. */
final class Corpus {
    private Corpus() {
    }

    record Faulty(String name, String expectedCheck, Variant variant, Map<String, String> settings) {
        Faulty(String name, String expectedCheck, Variant variant) {
            this(name, expectedCheck, variant, Map.of());
        }

        @Override
        public String toString() {
            return name + " → " + expectedCheck;
        }
    }

    static List<Faulty> faulty() {
        return List.of(
                new Faulty("created conversations answer 201", StatusCodeConformance.ID,
                        created((call, r) -> r.withStatus(201))),
                new Faulty("omits the documented messages (strict profile)", DocumentedPropertiesPresent.ID,
                        created((call, r) -> r.editJson(o -> o.remove("messages"))), Map.of("profile", "strict")),
                new Faulty("200 body sent as text/plain", ContentTypeConformance.ID,
                        created((call, r) -> r.withHeader("Content-Type", "text/plain"))),
                new Faulty("status 'closed' (not in the enum)", ResponseSchemaConformance.ID,
                        created((call, r) -> r.editJson(o -> o.put("status", "closed")))),
                new Faulty("500 for invalid input", NotAServerError.ID,
                        on(Outcome.INVALID_BODY, (call, r) -> r.withStatus(500))),
                new Faulty("rejects payloads with custom attributes", PositiveDataAcceptance.ID,
                        created((call, r) -> call.payload().map(p -> p.path("custom_attributes").isEmpty()).orElse(true)
                                ? r : Reply.json(401, r.json().deepCopy()).editJson(o -> {
                                    o.removeAll();
                                    o.put("description", "rejected");
                                }))),
                new Faulty("accepts custom_attributes that are not an object", NegativeDataRejection.ID,
                        on(Outcome.INVALID_BODY, (call, r) -> call.acceptAnyway().get())),
                new Faulty("accepts an unknown contact", UnknownIdentifierRejection.ID,
                        on(Outcome.UNKNOWN_CONTACT, (call, r) -> call.acceptAnyway().get())),
                new Faulty("accepts a contact of another inbox", CrossInboxIsolation.ID,
                        on(Outcome.FOREIGN_CONTACT, (call, r) -> call.acceptAnyway().get())),
                new Faulty("every conversation has the same uuid", ConversationSemantics.ID,
                        created((call, r) -> r.editJson(o -> o.put("uuid", "6b1f0c4e-1111-4c3e-9f1b-0a8d2e7c4b11")))),
                new Faulty("drops the connection on every fifth conversation", TransportCheck.ID,
                        new Variant() {
                            private int count;

                            @Override
                            public synchronized Reply answer(conformance.reference.Call call, Reply r) {
                                if (call.outcome() == Outcome.CONVERSATION_CREATED && ++count % 5 == 0) {
                                    throw new IllegalStateException("connection dropped on purpose");
                                }
                                return r;
                            }
                        }));
    }

    /** The faulty variants for these checks applied in turn: a target that breaks several rules at once. */
    static Variant breaking(Set<String> checks) {
        List<Variant> variants = faulty().stream().filter(f -> checks.contains(f.expectedCheck())).map(Faulty::variant).toList();
        return (call, reply) -> {
            Reply r = reply;
            for (Variant v : variants) {
                r = v.answer(call, r);
            }
            return r;
        };
    }

    /** A variant that changes only replies of the given outcome. */
    static Variant on(Outcome outcome, Variant change) {
        return (call, reply) -> call.outcome() == outcome ? change.answer(call, reply) : reply;
    }

    static Variant created(Variant change) {
        return on(Outcome.CONVERSATION_CREATED, change);
    }
}
