package conformance.selftest;

import conformance.generation.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Response bodies the variants put into the reference's replies, written by hand from the document (not derived from
 * the schemas the suite validates with, so a mistake in the suite's schema handling cannot hide in both). Messages
 * carry attachments and senders, so the nested schemas are really exercised.
 */
final class Bodies {
    static final List<String> FILE_TYPES = List.of("image", "audio", "video", "file", "location", "fallback", "share",
            "story_mention", "contact", "ig_reel", "ig_post", "ig_story", "embed");
    static final List<String> SENDER_TYPES = List.of("contact", "user", "agent_bot", "captain_assistant");
    static final List<String> STATUSES = List.of("open", "resolved", "pending", "snoozed");

    /** Nullable members per schema, as the document lists them. */
    static final Set<String> NULLABLE_CONTACT = Set.of("name", "email", "phone_number", "identifier",
            "additional_attributes", "custom_attributes", "contact_type", "country_code", "last_activity_at",
            "created_at", "updated_at", "last_name", "middle_name", "location", "company_id");
    static final Set<String> NULLABLE_MESSAGE = Set.of("content");
    static final Set<String> NULLABLE_ATTACHMENT = Set.of("extension", "data_url", "width", "height", "fallback_title");
    static final Set<String> NULLABLE_SENDER = Set.of("name", "available_name", "availability_status", "email",
            "phone_number", "identifier", "additional_attributes", "custom_attributes", "description", "created_at");

    private Bodies() {
    }

    /** Two messages: one from the contact with an image and a location, one from an agent with an audio file. */
    static ArrayNode messages() {
        ArrayNode messages = Json.NODES.arrayNode();
        ObjectNode fromContact = message(7, "Hello, I need help with my order", 0, contactSender());
        fromContact.withArrayProperty("attachments").add(attachment(1, 7, "image"));
        fromContact.withArrayProperty("attachments").add(attachment(2, 7, "location"));
        messages.add(fromContact);
        ObjectNode fromAgent = message(8, null, 1, sender(3, "user"));
        fromAgent.withArrayProperty("attachments").add(attachment(3, 8, "audio"));
        messages.add(fromAgent);
        return messages;
    }

    static ObjectNode message(long id, String content, int messageType, ObjectNode sender) {
        ObjectNode m = Json.NODES.objectNode();
        m.put("id", id);
        m.put("content", content);
        m.put("message_type", messageType);
        m.put("content_type", "text");
        m.putObject("content_attributes");
        m.put("created_at", 1_732_838_400L + id);
        m.put("conversation_id", 1);
        m.putArray("attachments");
        m.set("sender", sender);
        return m;
    }

    static ObjectNode attachment(long id, long messageId, String fileType) {
        ObjectNode a = Json.NODES.objectNode();
        a.put("id", id);
        a.put("message_id", messageId);
        a.put("file_type", fileType);
        a.put("account_id", 1);
        a.put("extension", fileType.equals("image") ? "png" : null);
        a.put("data_url", "https://files.example.com/" + id);
        a.put("thumb_url", "https://files.example.com/" + id + "/thumb");
        a.put("file_size", 2048);
        a.put("width", fileType.equals("image") ? 640 : null);
        a.put("height", fileType.equals("image") ? 480 : null);
        switch (fileType) {
            case "location" -> {
                a.put("coordinates_lat", 52.52);
                a.put("coordinates_long", 13.405);
                a.put("fallback_title", "Alexanderplatz, Berlin");
            }
            case "contact" -> {
                a.put("fallback_title", "Ada");
                a.putObject("meta").put("phone_number", "+4930123456");
            }
            case "audio" -> a.put("transcribed_text", "Your order ships tomorrow");
            default -> { }
        }
        return a;
    }

    static ObjectNode contactSender() {
        ObjectNode s = sender(101, "contact");
        s.put("email", "ada@example.com");
        s.putNull("phone_number");
        s.put("identifier", "ada-1");
        s.put("blocked", false);
        s.putObject("additional_attributes");
        s.putObject("custom_attributes").put("plan", "gold");
        return s;
    }

    static ObjectNode sender(long id, String type) {
        ObjectNode s = Json.NODES.objectNode();
        s.put("id", id);
        s.put("name", type.equals("contact") ? "Ada" : "Grace");
        s.put("type", type);
        switch (type) {
            case "contact" -> s.put("thumbnail", "");
            case "user" -> {
                s.put("avatar_url", "https://avatars.example.com/3");
                s.put("thumbnail", "https://avatars.example.com/3");
                s.put("available_name", "Grace");
                s.put("availability_status", "online");
            }
            case "captain_assistant" -> {
                s.put("avatar_url", "");
                s.put("description", "Answers questions about orders");
                s.put("created_at", "2026-11-28T10:00:00.000Z");
            }
            default -> s.put("avatar_url", "");
        }
        return s;
    }

    /** One message per sender type, each with one attachment of every file type: every enum value at every depth. */
    static ArrayNode everyEnumValue() {
        ArrayNode messages = Json.NODES.arrayNode();
        for (int i = 0; i < SENDER_TYPES.size(); i++) {
            ObjectNode m = message(20 + i, "enum tour " + i, i, sender(200 + i, SENDER_TYPES.get(i)));
            for (int f = 0; f < FILE_TYPES.size(); f++) {
                m.withArrayProperty("attachments").add(attachment(100L * i + f, 20 + i, FILE_TYPES.get(f)));
            }
            messages.add(m);
        }
        return messages;
    }

    /** The first message (from the contact), for variants that break one of its members. */
    static ObjectNode firstMessage(ObjectNode conversation) {
        return (ObjectNode) conversation.get("messages").get(0);
    }

    static ObjectNode firstAttachment(ObjectNode conversation) {
        return (ObjectNode) firstMessage(conversation).get("attachments").get(0);
    }

    static ObjectNode firstSender(ObjectNode conversation) {
        return (ObjectNode) firstMessage(conversation).get("sender");
    }

    /** Every member of a conversation that the document marks nullable, at every depth, set to null. */
    static void nullEveryNullable(ObjectNode conversation) {
        nullMembers(conversation.get("contact"), NULLABLE_CONTACT);
        for (JsonNode m : conversation.path("messages")) {
            nullMembers(m, NULLABLE_MESSAGE);
            m.path("attachments").forEach(a -> nullMembers(a, NULLABLE_ATTACHMENT));
            nullMembers(m.get("sender"), NULLABLE_SENDER);
        }
    }

    private static void nullMembers(JsonNode node, Set<String> names) {
        if (node instanceof ObjectNode o) {
            names.forEach(o::putNull);
        }
    }

    /** A copy of {@code node} with every object, at every depth, rebuilt by {@code rebuild} (children first). */
    static JsonNode rebuildObjects(JsonNode node, UnaryOperator<ObjectNode> rebuild) {
        if (node.isArray()) {
            ArrayNode out = Json.NODES.arrayNode();
            node.forEach(item -> out.add(rebuildObjects(item, rebuild)));
            return out;
        }
        if (!node.isObject()) {
            return node.deepCopy();
        }
        ObjectNode children = Json.NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            children.set(e.getKey(), rebuildObjects(e.getValue(), rebuild));
        }
        return rebuild.apply(children);
    }

    /** Members in reverse order. */
    static ObjectNode reversed(ObjectNode o) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(o.properties());
        ObjectNode out = Json.NODES.objectNode();
        for (int i = members.size() - 1; i >= 0; i--) {
            out.set(members.get(i).getKey(), members.get(i).getValue());
        }
        return out;
    }

    /** Whether any member name or string value anywhere in {@code node} matches. */
    static boolean anyText(JsonNode node, Predicate<String> test) {
        if (node.isString()) {
            return test.test(node.asString());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (test.test(e.getKey()) || anyText(e.getValue(), test)) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (anyText(item, test)) {
                    return true;
                }
            }
        }
        return false;
    }
}
