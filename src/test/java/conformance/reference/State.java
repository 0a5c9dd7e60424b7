package conformance.reference;

import conformance.generation.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the reference target holds, shared by its resources: inboxes, contacts and how each inbox knows them,
 * conversations (numbered per inbox) and messages (ids unique across conversations). Not thread-safe: the router
 * serialises requests.
 */
final class State {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final long ACCOUNT_ID = 1;

    // seeded, so the same dialect always issues the same identifiers (reproducible runs and certificates)
    private final SplittableRandom random = new SplittableRandom(0x5EEDL);
    private final Map<String, Inbox> inboxes = new LinkedHashMap<>();
    private final Map<Long, Contact> contacts = new LinkedHashMap<>();
    /** by inbox id, then source id */
    private final Map<Long, Map<String, ContactInbox>> contactInboxes = new LinkedHashMap<>();
    private final Map<Long, Long> lastNumbers = new LinkedHashMap<>();
    private final Map<Long, Conversation> conversations = new LinkedHashMap<>();
    private final Map<Long, Message> messages = new LinkedHashMap<>();
    private long lastContactId = 100;
    private long lastMessageId;

    void addInbox(boolean hmacMandatory, boolean botActive, boolean singleConversation) {
        Inbox inbox = new Inbox(inboxes.size() + 1, token(), token(), hmacMandatory, botActive, singleConversation);
        inboxes.put(inbox.identifier(), inbox);
        contactInboxes.put(inbox.id(), new LinkedHashMap<>());
        lastNumbers.put(inbox.id(), 0L);
    }

    List<Inbox> inboxes() {
        return List.copyOf(inboxes.values());
    }

    Optional<Inbox> inbox(String identifier) {
        return Optional.ofNullable(inboxes.get(identifier));
    }

    Optional<ContactInbox> contactInbox(Inbox inbox, String sourceId) {
        return Optional.ofNullable(contactInboxes.get(inbox.id()).get(sourceId));
    }

    boolean knowsSourceId(String sourceId) {
        return contactInboxes.values().stream().anyMatch(m -> m.containsKey(sourceId));
    }

    Stream<ContactInbox> contactInboxes() {
        return contactInboxes.values().stream().flatMap(m -> m.values().stream());
    }

    void put(ContactInbox contactInbox) {
        contactInboxes.get(contactInbox.inboxId()).put(contactInbox.sourceId(), contactInbox);
    }

    ContactInbox addContactInbox(Inbox inbox, String sourceId, Contact contact) {
        ContactInbox added = new ContactInbox(inbox.id(), sourceId, token(), contact.id(), false);
        put(added);
        return added;
    }

    Contact contact(long id) {
        return contacts.get(id);
    }

    Stream<Contact> contacts() {
        return contacts.values().stream();
    }

    void remove(Contact contact) {
        contacts.remove(contact.id());
    }

    /** A new contact of the account, with the fields a client gave (absent ones null) and Chatwoot's defaults. */
    Contact addContact(String name, String email, String phoneNumber, String identifier, ObjectNode customAttributes) {
        long id = ++lastContactId;
        String now = Timestamps.millis(Instant.now());
        ObjectNode record = Json.NODES.objectNode();
        record.put("id", id);
        record.put("name", name == null ? "visitor-" + id : name);
        putNullable(record, "email", email == null ? null : email.toLowerCase(Locale.ROOT));
        putNullable(record, "phone_number", phoneNumber);
        record.put("account_id", ACCOUNT_ID);
        record.put("created_at", now);
        record.put("updated_at", now);
        record.putObject("additional_attributes");
        putNullable(record, "identifier", identifier);
        record.set("custom_attributes", customAttributes);
        record.putNull("last_activity_at");
        record.put("contact_type", email == null && phoneNumber == null ? "visitor" : "lead");
        record.put("middle_name", "");
        record.put("last_name", "");
        record.putNull("location");
        record.putNull("country_code");
        record.put("blocked", false);
        record.putNull("company_id");
        record.putArray("label_list");
        Contact contact = new Contact(id, record);
        contacts.put(id, contact);
        return contact;
    }

    static void putNullable(ObjectNode node, String name, String value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    /** The next id clients will see for a conversation of this inbox. */
    long nextNumber(Inbox inbox) {
        long next = lastNumbers.get(inbox.id()) + 1;
        lastNumbers.put(inbox.id(), next);
        return next;
    }

    Conversation addConversation(Inbox inbox, ContactInbox via, String status, ObjectNode customAttributes) {
        Conversation added = new Conversation(conversations.size() + 1L, inbox.id(), nextNumber(inbox), uuid(), via.sourceId(),
                via.contactId(), status, 0, customAttributes);
        conversations.put(added.key(), added);
        return added;
    }

    void put(Conversation conversation) {
        conversations.put(conversation.key(), conversation);
    }

    Conversation conversation(long key) {
        return conversations.get(key);
    }

    Stream<Conversation> conversations() {
        return conversations.values().stream();
    }

    Message addMessage(Conversation conversation, JsonNode content, long senderId) {
        Message added = new Message(++lastMessageId, conversation.key(), content, Json.NODES.objectNode(), Instant.now(), senderId);
        messages.put(added.id(), added);
        return added;
    }

    void put(Message message) {
        messages.put(message.id(), message);
    }

    /** In the order they were sent, which is also the order of their ids. */
    Stream<Message> messages(Conversation conversation) {
        return messages.values().stream().filter(m -> m.conversationKey() == conversation.key());
    }

    Stream<Message> messages() {
        return messages.values().stream();
    }

    Optional<Message> message(long id) {
        return Optional.ofNullable(messages.get(id));
    }

    String uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** A 24-character base58 token, like Rails' has_secure_token. */
    String token() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            out.append(BASE58.charAt(random.nextInt(BASE58.length())));
        }
        return out.toString();
    }
}
