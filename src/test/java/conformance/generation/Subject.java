package conformance.generation;

import java.util.OptionalLong;

/** Whose conversation a case asks for: the path identifiers, and the contact's numeric id when the suite knows it. */
public record Subject(String inboxIdentifier, String contactIdentifier, OptionalLong contactId) {
}
