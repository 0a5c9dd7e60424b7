package conformance.run;

import conformance.chatwoot.ChatwootSettings;
import conformance.config.Secret;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.contract.Operation;
import conformance.exchange.Delivery;
import conformance.exchange.Exchange;
import conformance.exchange.HttpExchanger;
import conformance.exchange.IdentityHash;
import conformance.exchange.Redactor;
import conformance.generation.Case;
import conformance.generation.Intent;
import conformance.generation.Json;
import conformance.generation.Subject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gets the contacts a run needs the way a real client does: through {@code POST …/inboxes/{inbox}/contacts}, with a
 * name that marks it as the suite's and the correct identifier_hash when that inbox's own HMAC token is configured
 * (a hash made with another inbox's token is rejected by a target that checks it).
 */
final class Provisioning {
    /** What marks the contacts a run creates, so that their owner can find them (the public API deletes nothing). */
    static final String MARK = "conformance-";
    static final String NAME = "Conformance suite run ";

    private final Operation createContact;
    private final HttpExchanger exchanger;
    private final Redactor redactor;
    private final Consumer<Delivery> judge;
    private final String runId;

    Provisioning(Contract contract, HttpExchanger exchanger, Redactor redactor, Consumer<Delivery> judge, String runId) {
        this.createContact = contract.operation(Contract.CREATE_CONTACT);
        this.exchanger = exchanger;
        this.redactor = redactor;
        this.judge = judge;
        this.runId = runId;
    }

    /** The main subject: the configured contact, or one created now. */
    Subject subject(ChatwootSettings chatwoot, String inbox) {
        return chatwoot.contactIdentifier().map(c -> new Subject(inbox, c, OptionalLong.empty()))
                .orElseGet(() -> createContact(inbox, chatwoot.hmacToken(), "hmacToken"));
    }

    /** A new contact of {@code inbox}, with an identifier_hash only when {@code hmacToken} (named {@code tokenKey}) is given. */
    Subject createContact(String inbox, Optional<Secret> hmacToken, String tokenKey) {
        String identifier = MARK + runId + "-" + inbox.hashCode();
        ObjectNode body = Json.NODES.objectNode();
        body.put("name", NAME + runId);
        body.put("identifier", identifier);
        hmacToken.ifPresent(token -> {
            String hash = IdentityHash.of(token.value(), identifier);
            redactor.addSecret(hash);
            body.put("identifier_hash", hash);
        });
        Map<String, String> path = new LinkedHashMap<>();
        path.put("inbox_identifier", inbox);
        Case c = new Case(-1, createContact.id(), Intent.SETUP, path, Optional.of(body), Json.bytes(body),
                Optional.of("application/json"), Optional.empty(), Optional.empty(), "create the suite's contact");
        Delivery delivery = exchanger.deliver(c, createContact);
        Exchange e = delivery.last();
        e.response().flatMap(r -> r.json()).map(j -> j.get("pubsub_token")).filter(JsonNode::isString)
                .ifPresent(t -> redactor.addSecret(t.asString()));
        judge.accept(delivery);
        if (e.failure().isPresent()) {
            throw new SetupFailure("could not create a contact on inbox " + inbox + ": " + e.failure().get().message());
        }
        int status = e.status();
        JsonNode json = e.response().flatMap(r -> r.json()).orElse(Json.NODES.nullNode());
        JsonNode sourceId = json.get("source_id");
        if (status / 100 != 2 || sourceId == null || !sourceId.isString() || sourceId.asString().isEmpty()) {
            // a failed identity hash shows as 401 (as documented) or 500 (as Chatwoot answers it), never as 429 or 404
            boolean hashMayHaveFailed = hmacToken.isEmpty() && (status == 401 || status == 403 || status == 500);
            String hint = !hashMayHaveFailed ? "" : " If the inbox enforces identity validation (HMAC), set "
                    + Settings.name(tokenKey) + " to its HMAC token.";
            throw new SetupFailure("could not create a contact on inbox " + inbox + ": the target answered " + status
                    + (status / 100 == 2 ? " without a source_id" : "") + "." + hint
                    + " Or give an existing one with conformance.contactIdentifier.");
        }
        JsonNode id = json.get("id");
        return new Subject(inbox, sourceId.asString(),
                id != null && id.isNumber() && id.canConvertToExactIntegral() ? OptionalLong.of(id.asLong()) : OptionalLong.empty());
    }
}
