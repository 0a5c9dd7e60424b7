package conformance.checks;

import conformance.config.Profile;
import java.util.List;

/** The checks of DESIGN §5, in catalog order; a fresh set per run (some remember what they saw). */
public final class Catalog {
    private Catalog() {
    }

    public static List<Check> create(Profile profile) {
        return List.of(new StatusCodeConformance(), new ContentTypeConformance(), new ResponseSchemaConformance(),
                new DocumentedPropertiesPresent(profile == Profile.STRICT), new NotAServerError(),
                new PositiveDataAcceptance(), new NegativeDataRejection(), new UnknownIdentifierRejection(),
                new CrossInboxIsolation(), new ConversationSemantics(), new TransportCheck());
    }

    public static List<String> ids() {
        return create(Profile.STRICT).stream().map(Check::id).toList();
    }
}
