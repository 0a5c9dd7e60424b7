package conformance.checks;

import conformance.config.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of DESIGN §5, in catalog order: the generic ones, an API's own (given by its extension), and transport
 * last; a fresh set per run (some remember what they saw).
 */
public final class Catalog {
    private Catalog() {
    }

    /** The generic checks (the stateful ones comparing fields as {@code pairs} declares), then {@code own}, then transport. */
    public static List<Check> create(Profile profile, List<Check> own, List<FieldPair> pairs) {
        List<Check> all = new ArrayList<>(List.of(new StatusCodeConformance(), new ContentTypeConformance(),
                new ResponseSchemaConformance(), new DocumentedPropertiesPresent(profile == Profile.STRICT),
                new NotAServerError(), new PositiveDataAcceptance(), new NegativeDataRejection(),
                new UnknownIdentifierRejection(), new EnsureResourceAvailability(), new ListedAfterCreate(),
                new UpdatePersisted(pairs), new OwnershipIsolation()));
        all.addAll(own);
        all.add(new TransportCheck());
        return List.copyOf(all);
    }

    /** The generic checks, then {@code own}, then transport; fields of updates paired by equal names only. */
    public static List<Check> create(Profile profile, List<Check> own) {
        return create(profile, own, List.of());
    }

    /** The generic checks alone. */
    public static List<Check> create(Profile profile) {
        return create(profile, List.of());
    }

    public static List<String> ids(List<Check> own) {
        return create(Profile.STRICT, own).stream().map(Check::id).toList();
    }
}
