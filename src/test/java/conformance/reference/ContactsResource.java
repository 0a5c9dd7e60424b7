package conformance.reference;

import conformance.chatwoot.IdentityHash;
import conformance.generation.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * create-a-contact, get-details-of-a-contact, update-a-contact. Both dialects check the identity hash on all three
 * when the inbox requires it or one is sent (from the query string on GET). Chatwoot also reuses an account contact
 * with the same identifier, email or phone on create, validates email and phone formats, ignores blank values and
 * the identifier on update, deep-merges custom attributes, and merges the contact into another one that already has
 * the email (or phone) an update sets.
 */
record ContactsResource(Dialect dialect, State state, Views views, Refusals refusals) {
    // Devise's default email regexp and Chatwoot's E.164 rule (unanchored at the start, as at the baseline commit)
    private static final Pattern EMAIL = Pattern.compile("\\A[^@\\s]+@[^@\\s]+\\z");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}\\z");
    private static final List<String> FIELDS = List.of("name", "email", "phone_number");

    Handled create(Request request, Inbox inbox) {
        Optional<Handled> refused = identity(request, inbox, Optional.empty());
        if (refused.isPresent()) {
            return refused.get();
        }
        ObjectNode p = request.params();
        String sourceId = p.path("source_id").isString() ? p.get("source_id").asString() : state.uuid();
        Optional<ContactInbox> existing = state.contactInbox(inbox, sourceId);
        if (existing.isPresent()) {
            return Handled.of(request, Outcome.CONTACT_CREATED, Reply.json(200, views.publicContact(existing.get())));
        }
        Map<String, String> given = given(p);
        String identifier = text(p, "identifier");
        Optional<Contact> reused = dialect == Dialect.CHATWOOT ? known(identifier, given) : Optional.empty();
        if (reused.isEmpty()) {
            Optional<Handled> invalid = formats(request, given);
            if (invalid.isPresent()) {
                return invalid.get();
            }
        }
        ObjectNode attributes = p.path("custom_attributes").isObject() ? (ObjectNode) p.get("custom_attributes").deepCopy()
                : Json.NODES.objectNode();
        Contact contact = reused.orElseGet(() -> state.addContact(given.get("name"), given.get("email"), given.get("phone_number"),
                identifier, attributes));
        ContactInbox created = state.addContactInbox(inbox, sourceId, contact);
        return Handled.of(request, Outcome.CONTACT_CREATED, Reply.json(200, views.publicContact(created)));
    }

    Handled get(Request request, Inbox inbox, ContactInbox contact) {
        return identity(request, inbox, Optional.of(contact))
                .orElseGet(() -> Handled.of(request, Outcome.CONTACT_FETCHED, Reply.json(200, views.publicContact(contact))));
    }

    Handled update(Request request, Inbox inbox, ContactInbox contact) {
        Optional<Handled> refused = identity(request, inbox, Optional.of(contact));
        if (refused.isPresent()) {
            return refused.get();
        }
        ObjectNode p = request.params();
        Map<String, String> given = given(p);
        Optional<Handled> invalid = formats(request, given);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Contact target = state.contact(contact.contactId());
        if (dialect == Dialect.CHATWOOT) {
            Optional<Contact> base = holder(target, given);
            if (base.isPresent()) {
                merge(target, base.get());
                target = base.get();
            }
        } else if (p.has("identifier")) {
            target.record().put("identifier", p.get("identifier").asString());
        }
        ObjectNode record = target.record();
        given.forEach(record::put);
        JsonNode attributes = p.get("custom_attributes");
        if (attributes != null && attributes.isObject()) {
            record.set("custom_attributes", dialect == Dialect.CHATWOOT
                    ? deepMerge((ObjectNode) record.get("custom_attributes").deepCopy(), attributes) : attributes.deepCopy());
        }
        if (record.get("contact_type").asString().equals("visitor") && !(record.get("email").isNull() && record.get("phone_number").isNull())) {
            record.put("contact_type", "lead");
        }
        record.put("updated_at", Timestamps.millis(Instant.now()));
        return Handled.of(request, Outcome.CONTACT_UPDATED, Reply.json(200, views.record(target.id())));
    }

    /**
     * The identity hash: checked when the inbox requires it or the request sends one (Chatwoot: any value Ruby does
     * not call blank, so a number or {@code true} is compared too, and never matches), over the identifier sent with
     * it. A correct one marks the contact inbox verified, as Chatwoot's hmac_verified.
     */
    private Optional<Handled> identity(Request request, Inbox inbox, Optional<ContactInbox> contact) {
        ObjectNode p = request.params();
        JsonNode hash = p.path("identifier_hash");
        boolean hashGiven = dialect == Dialect.DOCUMENT ? hash.isString() : !rubyBlank(hash);
        if (!inbox.hmacMandatory() && !hashGiven) {
            return Optional.empty();
        }
        String identifier = p.path("identifier").isString() ? p.get("identifier").asString() : "";
        if (!hashGiven || !hash.isString() || !IdentityHash.of(inbox.hmacToken(), identifier).equals(hash.asString())) {
            return Optional.of(refusals.invalid(request, Outcome.HMAC_FAILED, "identifier_hash",
                    hashGiven ? "identifier_hash does not match the identifier" : "this inbox requires identifier_hash"));
        }
        contact.ifPresent(c -> state.put(c.verified()));
        return Optional.empty();
    }

    /**
     * The name, email and phone number the request sets. Chatwoot takes any scalar as its text, ignores blank values
     * and stores emails in lower case; the document dialect takes the strings as sent (its rules refused the rest).
     */
    private Map<String, String> given(ObjectNode p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = text(p, field);
            if (value != null && !(dialect == Dialect.CHATWOOT && value.isBlank())) {
                out.put(field, dialect == Dialect.CHATWOOT && field.equals("email") ? value.toLowerCase(Locale.ROOT) : value);
            }
        }
        return out;
    }

    /** Ruby's {@code blank?}: absent, null, false, a string of white space, an empty array or object. */
    private static boolean rubyBlank(JsonNode v) {
        return v.isMissingNode() || v.isNull() || v.isBoolean() && !v.asBoolean() || v.isString() && v.asString().isBlank()
                || v.isContainer() && v.isEmpty();
    }

    private static String text(ObjectNode p, String field) {
        JsonNode v = p.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asString() : null;
    }

    /** Chatwoot's contact validations; the document states no format, so the document dialect takes any string. */
    private Optional<Handled> formats(Request request, Map<String, String> given) {
        if (dialect == Dialect.DOCUMENT) {
            return Optional.empty();
        }
        if (given.containsKey("email") && !EMAIL.matcher(given.get("email")).find()) {
            return Optional.of(Refusals.recordInvalid(request, Outcome.INVALID_BODY, "Email Invalid email", "email"));
        }
        if (given.containsKey("phone_number") && !E164.matcher(given.get("phone_number")).find()) {
            return Optional.of(Refusals.recordInvalid(request, Outcome.INVALID_BODY, "Phone number should be in e164 format", "phone_number"));
        }
        return Optional.empty();
    }

    /** The account contact Chatwoot's create reuses: the first with this identifier, else this email, else this phone. */
    private Optional<Contact> known(String identifier, Map<String, String> given) {
        return with("identifier", identifier).or(() -> with("email", given.get("email")))
                .or(() -> with("phone_number", given.get("phone_number")));
    }

    private Optional<Contact> with(String field, String value) {
        return value == null || value.isBlank() ? Optional.empty()
                : state.contacts().filter(c -> c.record().path(field).isString() && c.record().get(field).asString().equals(value)).findFirst();
    }

    /**
     * Another contact that already has the email (else the phone number) an update sets; a phone holder with another
     * email is left alone, as Chatwoot's ContactIdentifyAction does.
     */
    private Optional<Contact> holder(Contact updated, Map<String, String> given) {
        Optional<Contact> byEmail = with("email", given.get("email")).filter(c -> c.id() != updated.id());
        if (byEmail.isPresent()) {
            return byEmail;
        }
        return with("phone_number", given.get("phone_number")).filter(c -> c.id() != updated.id())
                .filter(c -> !c.record().path("email").isString() || c.record().get("email").asString().equals(given.get("email")));
    }

    /** Chatwoot's ContactMergeAction: the mergee's contact inboxes, conversations and messages move to the base; it is gone. */
    private void merge(Contact mergee, Contact base) {
        state.contactInboxes().filter(ci -> ci.contactId() == mergee.id()).toList().forEach(ci -> state.put(ci.of(base.id())));
        state.conversations().filter(c -> c.contactId() == mergee.id()).toList().forEach(c -> state.put(c.of(base.id())));
        state.messages().filter(m -> m.senderId() == mergee.id()).toList().forEach(m -> state.put(m.from(base.id())));
        state.remove(mergee);
    }

    private static ObjectNode deepMerge(ObjectNode into, JsonNode from) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            JsonNode mine = into.get(e.getKey());
            if (mine instanceof ObjectNode nested && e.getValue().isObject()) {
                deepMerge(nested, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return into;
    }
}
