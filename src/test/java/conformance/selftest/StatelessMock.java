package conformance.selftest;

import conformance.chatwoot.ConversationSemantics;
import conformance.chatwoot.CrossInboxIsolation;
import conformance.chatwoot.MessageSemantics;
import conformance.chatwoot.StateTransition;
import conformance.checks.ContentTypeConformance;
import conformance.checks.DocumentedPropertiesPresent;
import conformance.checks.EnsureResourceAvailability;
import conformance.checks.ListedAfterCreate;
import conformance.checks.OwnershipIsolation;
import conformance.checks.UpdatePersisted;
import conformance.checks.NegativeDataRejection;
import conformance.checks.NotAServerError;
import conformance.checks.PositiveDataAcceptance;
import conformance.checks.ResponseSchemaConformance;
import conformance.checks.Skip;
import conformance.checks.StatusCodeConformance;
import conformance.checks.TransportCheck;
import conformance.checks.UnknownIdentifierRejection;
import conformance.contract.Contract;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import conformance.contract.Response;
import conformance.generation.ParameterRule;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the suite must report, per check and operation, about a mock that answers every valid-looking request with the
 * documented success and keeps no state (Prism's {@code prism mock}), derived from the operation's declaration and
 * from what Prism documents of its own validation: it validates path, query and header parameters and bodies against
 * their own declarations and answers 422 (400 for JSON it cannot parse, 415 for a media type the operation does not
 * take), and answers the documented success otherwise, whatever the identifiers. Each expectation says why.
 */
final class StatelessMock {
    /** The one body rule Prism lets through: Node decodes invalid UTF-8 with replacement characters, so the JSON parses. */
    private static final String INVALID_UTF8 = "malformed bytes: invalid UTF-8 in a member name";
    private static final String NEVER_OBSERVED = "documented rejection never observed";
    private static final Map<String, String> UNKNOWN_KINDS = Map.of("inbox_identifier", "unknown_inbox",
            "contact_identifier", "unknown_contact", "conversation_id", "unknown_conversation", "message_id", "unknown_message");
    private static final String SPEC_GAP = "spec gap ";
    private static final String FOREIGN_CONTACT = "foreign_contact";
    private static final String NOT_APPLICABLE = label(Outcome.SKIPPED, Optional.of(Skip.Kind.NOT_APPLICABLE));
    private static final String UNMODELLED = "any outcome";

    /**
     * One (check, operation): its outcome ({@code passed}, {@code failed}, {@code skipped (not_run)}, …), what it found,
     * and why; {@code orPassed}: a random answer may also happen to keep the rule.
     */
    record Expected(String outcome, SortedSet<String> findings, String why, boolean orPassed) {
        static Expected of(Outcome outcome, String why) {
            return new Expected(label(outcome, Optional.empty()), new TreeSet<>(), why, false);
        }

        static Expected skipped(Skip.Kind kind, String why) {
            return new Expected(label(Outcome.SKIPPED, Optional.of(kind)), new TreeSet<>(), why, false);
        }

        /** Failed with exactly these findings; passed when there are none. */
        static Expected finding(Set<String> findings, String why) {
            return new Expected(label(findings.isEmpty() ? Outcome.PASSED : Outcome.FAILED, Optional.empty()),
                    new TreeSet<>(findings), why, false);
        }

        /** Failed with exactly these findings, or passed: what a random answer gives by chance. */
        static Expected findingOrPassed(Set<String> findings, String why) {
            return new Expected(finding(findings, why).outcome(), new TreeSet<>(findings), why, true);
        }

        /**
         * Whatever the suite reports: what a sequence of steps meets on a stateless mock (ids that the next step cannot
         * fetch, lists that never show what was created) is not modelled here; SequenceSelfTest proves those checks.
         */
        static Expected unmodelled(String why) {
            return new Expected(UNMODELLED, new TreeSet<>(), why, false);
        }

        boolean notApplicable() {
            return outcome.equals(NOT_APPLICABLE);
        }

        boolean sameAs(Expected reported) {
            return outcome.equals(UNMODELLED) || outcome.equals(reported.outcome) && findings.equals(reported.findings)
                    || orPassed && reported.sameAs(of(Outcome.PASSED, why));
        }
    }

    private final boolean dynamic;
    private final boolean ownContacts;

    /**
     * @param ownContacts whether the suite made its own contacts (the document has create-a-contact): then it was given
     *                    a second inbox, and it knows its contact's id
     */
    StatelessMock(boolean dynamic, boolean ownContacts) {
        this.dynamic = dynamic;
        this.ownContacts = ownContacts;
    }

    /** Every check's expectation on every operation of the document, operations in document order. */
    Map<String, Map<String, Expected>> of(Contract contract) {
        Map<String, Map<String, Expected>> out = new LinkedHashMap<>();
        contract.operations().values().forEach(op -> out.put(op.id(), of(op)));
        return out;
    }

    private Map<String, Expected> of(Operation op) {
        Map<String, Expected> out = new LinkedHashMap<>();
        out.put(StatusCodeConformance.ID, statuses(op));
        boolean bodied = op.success().flatMap(Response::mediaType).isPresent();
        Expected documentedBody = bodied
                ? Expected.of(Outcome.PASSED, "every documented answer Prism gives has the documented media type and a body its schema accepts")
                : Expected.skipped(Skip.Kind.NOT_RUN, "Prism answers only the body-less 200 the document gives, or its own "
                + "undocumented 4xx; the documented 401/404 with a body never come, so there is nothing to judge");
        // a documented body-less answer is judged too: it must come without a body, as Prism's does
        out.put(ContentTypeConformance.ID, bodied ? documentedBody
                : Expected.of(Outcome.PASSED, "Prism's 200 comes without a body, as the document says"));
        out.put(ResponseSchemaConformance.ID, documentedBody);
        out.put(DocumentedPropertiesPresent.ID, Expected.skipped(Skip.Kind.NOT_APPLICABLE, "the strict profile only"));
        out.put(NotAServerError.ID, Expected.of(Outcome.PASSED, "Prism never answers 5xx"));
        out.put(PositiveDataAcceptance.ID, Expected.of(Outcome.PASSED, "Prism answers every valid request the documented 200"));
        out.put(NegativeDataRejection.ID, negatives(op));
        out.put(UnknownIdentifierRejection.ID, unknown(op));
        out.put(CrossInboxIsolation.ID, foreign(op));
        out.put(ConversationSemantics.ID, semantics(op));
        out.put(StateTransition.ID, ownContacts ? Expected.unmodelled("the sequences show conversations after their resolve") : states(op));
        for (String stateful : List.of(EnsureResourceAvailability.ID, ListedAfterCreate.ID, UpdatePersisted.ID, OwnershipIsolation.ID)) {
            out.put(stateful, ownContacts ? Expected.unmodelled("judged on the steps of sequences")
                    : Expected.skipped(Skip.Kind.NOT_APPLICABLE, "no sequence: the document has no create-a-contact to start one"));
        }
        out.put(MessageSemantics.ID, messages(op));
        out.put(TransportCheck.ID, Expected.of(Outcome.PASSED, "Prism always answers, with well-formed HTTP"));
        return out;
    }

    /**
     * Rejected requests get Prism's own 400/415/422, which the document does not list (spec gaps), and identifiers it
     * cannot know are accepted, so the documented rejection statuses are never seen.
     */
    private static Expected statuses(Operation op) {
        SortedSet<String> found = new TreeSet<>();
        if (op.requestBody().isPresent()) {
            Stream.of(400, 415, 422).forEach(s -> found.add(specGap(s)));
        }
        if (!op.integerPathParameters().isEmpty() || ParameterRule.of(op).stream().anyMatch(StatelessMock::prismRejects)) {
            found.add(specGap(422));
        }
        boolean identifiers = !op.parameters(Parameter.Location.PATH).isEmpty();
        List<String> why = new ArrayList<>();
        if (identifiers && !op.rejectionStatuses().isEmpty()) {
            found.add(NEVER_OBSERVED);
            why.add("unknown identifiers get 200, so " + op.rejectionStatuses() + " never comes");
        }
        String gaps = found.stream().filter(f -> f.startsWith(SPEC_GAP)).map(f -> f.substring(SPEC_GAP.length()))
                .collect(Collectors.joining("/"));
        if (!gaps.isEmpty()) {
            why.add("invalid input gets Prism's own " + gaps + ", undocumented: spec gaps");
        }
        return Expected.finding(found, String.join("; ", why));
    }

    private static String specGap(int status) {
        return SPEC_GAP + status;
    }

    /** Prism validates a parameter by its own declaration: a rule that comes from the body's declaration of the same name is not its. */
    private static boolean prismRejects(ParameterRule rule) {
        return !rule.keyword().equals("enum") || rule.parameter().schema().filter(s -> s.node().has("enum")).isPresent();
    }

    private static Expected negatives(Operation op) {
        if (!op.breakable()) {
            return Expected.skipped(Skip.Kind.NOT_APPLICABLE, "no rule to break");
        }
        SortedSet<String> accepted = new TreeSet<>();
        List<String> why = new ArrayList<>();
        if (op.requestBody().isPresent()) {
            accepted.add(INVALID_UTF8);
            why.add("Node decodes invalid UTF-8 with replacement characters, so that body parses and validates (Prism's "
                    + "fault: JSON is UTF-8); every other body rule gets 400/415/422");
        }
        ParameterRule.of(op).stream().filter(r -> !prismRejects(r)).forEach(r -> {
            accepted.add(r.name());
            why.add("the suite gives the " + r.parameter().in() + " parameter " + r.parameter().name() + " the body's enum "
                    + "(its reading of a value declared twice), Prism reads the parameter's own declaration");
        });
        if (!op.integerPathParameters().isEmpty()) {
            why.add("a path identifier that is not an integer gets 422");
        }
        return Expected.finding(accepted, String.join("; ", why));
    }

    private static Expected unknown(Operation op) {
        List<Parameter> path = op.parameters(Parameter.Location.PATH);
        if (path.isEmpty()) {
            return Expected.skipped(Skip.Kind.NOT_APPLICABLE, "no path parameter");
        }
        return Expected.finding(path.stream().map(p -> UNKNOWN_KINDS.getOrDefault(p.name(), p.name())).collect(Collectors.toSet()),
                "a stateless mock accepts any identifier: every path parameter's unknown value gets 200");
    }

    private Expected foreign(Operation op) {
        if (op.parameters(Parameter.Location.PATH).stream().noneMatch(p -> p.name().equals("contact_identifier"))) {
            return Expected.skipped(Skip.Kind.NOT_APPLICABLE, "not under a contact");
        }
        return ownContacts ? Expected.finding(Set.of(FOREIGN_CONTACT), "any contact is as good as another to a stateless "
                + "mock: both inboxes' contacts get 200 under the other inbox")
                : Expected.skipped(Skip.Kind.NOT_RUN, "no second inbox: without create-a-contact the suite cannot make a contact there");
    }

    private Expected semantics(Operation op) {
        if (!op.id().equals(Contract.CREATE_CONVERSATION)) {
            return Expected.skipped(Skip.Kind.NOT_APPLICABLE, "it judges create-a-conversation only");
        }
        if (!dynamic) {
            return Expected.finding(Set.of("/uuid", "/id"), "static mode answers the same body every time: id 0 again and "
                    + "again, uuid \"string\" (no UUID); inbox_id 0 stays the same and contact.id 0 is the id create-a-contact returned");
        }
        Set<String> pointers = new TreeSet<>(Set.of("/uuid", "/inbox_id"));
        if (ownContacts) {
            pointers.add("/contact/id");
        }
        return Expected.finding(pointers, "dynamic mode fills every member at random: uuid is lorem text (the document "
                + "gives it no format), inbox_id changes with every create" + (ownContacts
                ? ", contact.id is never the id create-a-contact returned" : "") + "; random ids happen not to repeat");
    }

    /**
     * Nothing shows the conversation after a resolve or an update-last-seen (the cases of each operation are sent in
     * document order, fetch and list first), so only resolve's own answer is judged: the sampler's first enum value,
     * {@code open}, in static mode; a random status in dynamic mode, {@code resolved} now and then.
     */
    private Expected states(Operation op) {
        return switch (op.id()) {
            case "resolve-conversation" -> dynamic
                    ? Expected.findingOrPassed(Set.of("/status"), "dynamic mode answers resolve with a random status")
                    : Expected.finding(Set.of("/status"), "static mode answers resolve with status open, the first of its enum");
            case Contract.CREATE_CONVERSATION, "get-single-conversation", "list-all-contact-conversations", "update-last-seen",
                 "create-a-message" -> Expected.of(Outcome.PASSED, "no answer shows a conversation after a resolve or an update-last-seen");
            default -> Expected.skipped(Skip.Kind.NOT_APPLICABLE, "it judges what changes or shows a conversation's status and last seen");
        };
    }

    /** A stateless mock does not echo what it was sent; static mode also answers the same id every time. */
    private Expected messages(Operation op) {
        return switch (op.id()) {
            case "create-a-message" -> dynamic
                    ? Expected.finding(Set.of("/content", "/message_type"), "dynamic mode answers random content and a random "
                    + "message_type; random ids happen not to repeat")
                    : Expected.finding(Set.of("/content", "/id"), "static mode answers content \"string\", whatever was sent, and id 0 "
                    + "again and again (message_type 0 is incoming, as it must be)");
            case "list-all-conversation-messages" -> Expected.of(Outcome.PASSED, "no list shows an id twice");
            default -> Expected.skipped(Skip.Kind.NOT_APPLICABLE, "it judges created and listed messages");
        };
    }

    /** What the suite reported for one (check, operation), in the terms of {@link Expected}. */
    static Expected reported(CheckResult result) {
        return new Expected(label(result.outcome(), result.skip().map(Skip::kind)), result.findings().stream()
                .map(g -> key(result.checkId(), g)).collect(Collectors.toCollection(TreeSet::new)), "", false);
    }

    /** A finding as the expectations name it: by status for statuses, by broken rule, case kind or pointer for the others. */
    private static String key(String checkId, FindingGroup group) {
        var f = group.first();
        return switch (checkId) {
            case StatusCodeConformance.ID -> f.specGap() ? specGap(f.status())
                    : f.message().startsWith("documented status ") ? NEVER_OBSERVED : "undocumented " + f.status();
            case NegativeDataRejection.ID -> f.exchange().kase().brokenRule().map(r -> r.name())
                    .orElse(f.exchange().kase().kind().id());
            case UnknownIdentifierRejection.ID, CrossInboxIsolation.ID -> f.exchange().kase().kind().id();
            case ConversationSemantics.ID, StateTransition.ID, MessageSemantics.ID -> f.pointer().orElse(f.message());
            default -> f.status() + " " + f.message();
        };
    }

    private static String label(Outcome outcome, Optional<Skip.Kind> skip) {
        return outcome.id() + skip.map(k -> " (" + k.id() + ")").orElse("");
    }
}
