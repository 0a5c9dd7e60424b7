package conformance.reference;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The twelve operations of the public client API as the reference routes them: method, path under
 * {@code /public/api/v1/inboxes/}, and what the document says of them that the reference needs (whether 404 is
 * documented, whether a body is). {@code {name}} segments match any segment, empty ones included.
 */
enum Endpoint {
    CREATE_CONTACT("create-a-contact", "POST", "{inbox}/contacts", false, true),
    GET_CONTACT("get-details-of-a-contact", "GET", "{inbox}/contacts/{contact}", true, false),
    UPDATE_CONTACT("update-a-contact", "PATCH", "{inbox}/contacts/{contact}", false, true),
    CREATE_CONVERSATION("create-a-conversation", "POST", "{inbox}/contacts/{contact}/conversations", false, true),
    LIST_CONVERSATIONS("list-all-contact-conversations", "GET", "{inbox}/contacts/{contact}/conversations", false, false),
    GET_CONVERSATION("get-single-conversation", "GET", "{inbox}/contacts/{contact}/conversations/{conversation}", true, false),
    RESOLVE_CONVERSATION("resolve-conversation", "POST",
            "{inbox}/contacts/{contact}/conversations/{conversation}/toggle_status", true, false),
    TOGGLE_TYPING("toggle-typing-status", "POST", "{inbox}/contacts/{contact}/conversations/{conversation}/toggle_typing", true, true),
    UPDATE_LAST_SEEN("update-last-seen", "POST",
            "{inbox}/contacts/{contact}/conversations/{conversation}/update_last_seen", true, false),
    CREATE_MESSAGE("create-a-message", "POST", "{inbox}/contacts/{contact}/conversations/{conversation}/messages", false, true),
    LIST_MESSAGES("list-all-conversation-messages", "GET",
            "{inbox}/contacts/{contact}/conversations/{conversation}/messages", false, false),
    UPDATE_MESSAGE("update-a-message", "PATCH",
            "{inbox}/contacts/{contact}/conversations/{conversation}/messages/{message}", false, true);

    static final String PREFIX = "/public/api/v1/inboxes/";

    private final String operationId;
    private final String method;
    private final String[] template;
    private final boolean documents404;
    private final boolean documentsBody;

    Endpoint(String operationId, String method, String template, boolean documents404, boolean documentsBody) {
        this.operationId = operationId;
        this.method = method;
        this.template = template.split("/");
        this.documents404 = documents404;
        this.documentsBody = documentsBody;
    }

    String operationId() {
        return operationId;
    }

    String method() {
        return method;
    }

    boolean has(String parameter) {
        return Arrays.asList(template).contains("{" + parameter + "}");
    }

    boolean documents404() {
        return documents404;
    }

    boolean documentsBody() {
        return documentsBody;
    }

    /** A routed request: which endpoint, and its path parameters by template name, as raw (undecoded) segments. */
    record Match(Endpoint endpoint, Map<String, String> parameters) {
        String parameter(String name) {
            return parameters.get(name);
        }
    }

    /** Rails routes PUT like PATCH; the document names only PATCH. */
    static Optional<Match> route(String method, String path, boolean putIsPatch) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String asked = putIsPatch && method.equals("PUT") ? "PATCH" : method;
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        for (Endpoint e : values()) {
            if (e.method.equals(asked) && parts.length == e.template.length) {
                Optional<Map<String, String>> parameters = e.bind(parts);
                if (parameters.isPresent()) {
                    return Optional.of(new Match(e, parameters.get()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Map<String, String>> bind(String[] parts) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String t = template[i];
            if (t.startsWith("{")) {
                parameters.put(t.substring(1, t.length() - 1), parts[i]);
            } else if (!t.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
