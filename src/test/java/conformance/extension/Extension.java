package conformance.extension;

import conformance.checks.Check;
import conformance.checks.FieldPair;
import conformance.config.Profile;
import conformance.config.Setting;
import conformance.fixtures.Fixtures;
import conformance.generation.CaseKind;
import conformance.links.Overlay;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one API adds to the OpenAPI-only engine (DESIGN §3): its settings, its fixtures and identifier scenarios, the
 * checks that only make sense for it, and the embedded target the suite tests when no base URL is given.
 */
public interface Extension {

    /** The settings it reads, for the known-settings check and the README table. */
    List<Setting> settings();

    /** The kinds of case its identifier scenarios make, beside the engine's own ({@link CaseKind#engine()}). */
    List<CaseKind> caseKinds();

    /** The ids of every kind of case a run with it makes, as waivers name them: the engine's, then its own. */
    default List<String> caseKindIds() {
        return Stream.concat(CaseKind.engine().stream(), caseKinds().stream()).map(CaseKind::id).toList();
    }

    /** Its own checks, in catalog order, fresh for one run. */
    List<Check> checks(Profile profile);

    /**
     * Which field an update sends is which field a later read shows, beside equal names (for
     * {@code update_persisted}); none by default.
     */
    default List<FieldPair> fieldPairs() {
        return List.of();
    }

    /** Values the run must never write (tokens), known before the first request. */
    List<String> secrets();

    /** The fixtures of one run against one target. */
    Fixtures fixtures(FixtureContext context);

    /** What the run prints about the data it creates, so that its owner can find it. */
    String marking(String runId);

    /** Its settings as a replay command gives them; {@code embedded}: the run tests the embedded target. */
    Reproduction reproduction(boolean embedded);

    /** The links of its document that no rule infers (OpenAPI Link Objects), if it ships any. */
    Optional<Overlay> links();

    /** Starts the target tested when no base URL is given; this extension, bound to it, comes with it. */
    EmbeddedTarget startEmbedded();
}
