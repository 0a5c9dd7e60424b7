package conformance.chatwoot;

import conformance.generation.CaseKind;
import conformance.generation.Intent;
import java.util.List;

/** The identifier scenarios of the Chatwoot client API, by the ids waivers name them with. */
final class Kinds {
    static final CaseKind UNKNOWN_INBOX = new CaseKind("unknown_inbox", Intent.UNKNOWN_IDENTIFIER);
    static final CaseKind UNKNOWN_CONTACT = new CaseKind("unknown_contact", Intent.UNKNOWN_IDENTIFIER);
    static final CaseKind UNKNOWN_CONVERSATION = new CaseKind("unknown_conversation", Intent.UNKNOWN_IDENTIFIER);
    static final CaseKind UNKNOWN_MESSAGE = new CaseKind("unknown_message", Intent.UNKNOWN_IDENTIFIER);
    /** a contact of one inbox used under another inbox */
    static final CaseKind FOREIGN_CONTACT = new CaseKind("foreign_contact", Intent.FOREIGN_IDENTIFIER);

    private Kinds() {
    }

    static List<CaseKind> all() {
        return List.of(UNKNOWN_INBOX, UNKNOWN_CONTACT, UNKNOWN_CONVERSATION, UNKNOWN_MESSAGE, FOREIGN_CONTACT);
    }
}
