package conformance.reference;

import tools.jackson.databind.node.ObjectNode;

/**
 * A contact of the account: its id and the record rendered in conversations and by update-a-contact (kept as JSON and
 * changed in place by updates). An inbox knows it through a {@link ContactInbox}.
 */
public record Contact(long id, ObjectNode record) {
}
