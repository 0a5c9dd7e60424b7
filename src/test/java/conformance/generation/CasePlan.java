package conformance.generation;

import conformance.contract.JsonSchema;
import conformance.contract.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The cases of one run against one operation, made lazily in a fixed order: the stored cases that failed before,
 * identifier scenarios, positive cases, negative ones. Generated case {@code i} depends only on (seed, i), counted
 * after the stored cases, so a seed replays the run byte for byte whatever was stored.
 */
public final class CasePlan implements Iterable<Case> {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int VALID_ATTEMPTS = 50;

    private final Operation operation;
    private final long seed;
    private final int positives;
    private final int negatives;
    private final Subject subject;
    private final List<StoredCase> first;
    private final List<Case> scenarios;
    private final List<NegativeRule> rules;
    private final Statistics stats;
    private final String mediaType;

    /**
     * @param foreign a contact of another inbox, used on the subject's inbox (and the subject's contact on that inbox)
     * @param first   cases to send before any other (failing cases of an earlier run)
     */
    public CasePlan(Operation operation, long seed, int tries, Subject subject, Optional<Subject> foreign,
                    List<StoredCase> first, Statistics stats) {
        this.operation = operation;
        this.seed = seed;
        this.subject = subject;
        this.first = List.copyOf(first);
        this.stats = stats;
        this.mediaType = operation.requestMediaType().orElse("application/json");
        JsonNode schema = operation.requestSchema().map(JsonSchema::node).orElse(Json.NODES.objectNode());
        this.rules = NegativeRule.of(schema, operation.requestBodyRequired());
        this.positives = tries;
        this.negatives = Math.max(rules.size(), tries / 5);
        this.scenarios = scenarios(foreign);
    }

    public int size() {
        return first.size() + scenarios.size() + positives + negatives;
    }

    public List<NegativeRule> rules() {
        return rules;
    }

    private List<Case> scenarios(Optional<Subject> foreign) {
        List<Case> out = new ArrayList<>();
        Rng rng = Rng.forCase(seed, -1);
        JsonNode empty = Json.NODES.objectNode();
        String unknownContact = "unknown-" + token(rng, 24);
        String unknownInbox = token(rng, 24);
        int at = first.size();
        out.add(request(at, Intent.UNKNOWN_CONTACT, subject.inboxIdentifier(), unknownContact, empty,
                "unknown contact identifier on a known inbox"));
        out.add(request(at + 1, Intent.UNKNOWN_INBOX, unknownInbox, subject.contactIdentifier(), empty,
                "unknown inbox identifier with a known contact"));
        foreign.ifPresent(f -> {
            out.add(request(at + 2, Intent.FOREIGN_CONTACT, subject.inboxIdentifier(), f.contactIdentifier(), empty,
                    "contact of the other inbox used on this inbox"));
            out.add(request(at + 3, Intent.FOREIGN_CONTACT, f.inboxIdentifier(), subject.contactIdentifier(), empty,
                    "contact of this inbox used on the other inbox"));
        });
        return out;
    }

    private static String token(Rng rng, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(BASE58.charAt(rng.between(0, BASE58.length() - 1)));
        }
        return out.toString();
    }

    private Case request(long index, Intent intent, String inbox, String contact, JsonNode payload, String label) {
        Optional<Subject> who = intent == Intent.POSITIVE || intent == Intent.NEGATIVE ? Optional.of(subject) : Optional.empty();
        return new Case(index, operation.id(), intent, parameters(inbox, contact), Optional.of(payload), Json.bytes(payload),
                Optional.of(mediaType), Optional.empty(), who, label);
    }

    private static Map<String, String> parameters(String inbox, String contact) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("inbox_identifier", inbox);
        p.put("contact_identifier", contact);
        return p;
    }

    /** Case {@code index} of this plan, made afresh: the same plan and index always give the same case. */
    public Case get(long index) {
        if (index < first.size()) {
            StoredCase stored = first.get((int) index);
            stats.count("cases stored, tried first");
            return new Case(index, operation.id(), stored.intent(),
                    parameters(subject.inboxIdentifier(), subject.contactIdentifier()), stored.payload(), stored.body(),
                    stored.contentType(), stored.brokenRule(), Optional.of(subject), "stored failing case: " + stored.label());
        }
        long generated = index - first.size();
        if (generated < scenarios.size()) {
            return scenarios.get((int) generated);
        }
        long i = generated - scenarios.size();
        Rng rng = Rng.forCase(seed, generated);
        ValueGenerator values = new ValueGenerator(rng, stats);
        JsonNode valid = validPayload(values);
        if (i < positives) {
            stats.count("cases positive");
            return request(index, Intent.POSITIVE, subject.inboxIdentifier(), subject.contactIdentifier(), valid,
                    "schema-valid payload #" + (i + 1));
        }
        NegativeRule rule = rules.get((int) ((i - positives) % rules.size()));
        Breakage broken = rule.apply(valid, mediaType);
        stats.count("cases negative");
        stats.rule(rule.name());
        return new Case(index, operation.id(), Intent.NEGATIVE,
                parameters(subject.inboxIdentifier(), subject.contactIdentifier()), broken.payload(), broken.body(),
                Optional.of(broken.contentType()),
                Optional.of(new BrokenRule(rule.name(), broken.pointer(), broken.keyword())), Optional.of(subject),
                "breaks " + rule.name());
    }

    /** A generated payload the request schema accepts: the generator's output is checked, never trusted. */
    private JsonNode validPayload(ValueGenerator values) {
        Optional<JsonSchema> schema = operation.requestSchema();
        for (int attempt = 0; attempt < VALID_ATTEMPTS; attempt++) {
            JsonNode candidate = schema.map(s -> values.generate(s.node())).orElse(Json.NODES.objectNode());
            if (schema.isEmpty() || schema.get().validate(candidate).isEmpty()) {
                return candidate;
            }
            stats.count("generated payload rejected by the schema");
        }
        throw new GenerationException("could not generate a payload that the request schema of " + operation.id()
                + " accepts in " + VALID_ATTEMPTS + " attempts" + (stats.unknownKeywords().isEmpty() ? ""
                : "; it uses keywords generation does not support: " + String.join(", ", stats.unknownKeywords())));
    }

    @Override
    public Iterator<Case> iterator() {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Case next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

}
