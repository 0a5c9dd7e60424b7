package conformance.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.generation.CaseKind;
import conformance.links.Links;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sequences come from the links alone, each from a root create, the same for one seed. */
class SequencesTest {
    private static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);
    private static final Links LINKS = Links.of(CONTRACT, Optional.empty());

    private static List<Sequence> of(long seed, int walks) {
        return Sequences.of(CONTRACT, LINKS, seed, walks, 6);
    }

    @Test
    void theNamedSequencesFollowTheLinksFromARootCreate() {
        List<String> named = of(1, 0).stream().map(Sequence::name).toList();
        String prefix = "create-a-contact → create-a-conversation → ";
        assertTrue(named.contains("create-a-contact → get-details-of-a-contact → update-a-contact → get-details-of-a-contact"), named.toString());
        assertTrue(named.contains(prefix + "list-all-contact-conversations"), named.toString());
        assertTrue(named.contains(prefix + "create-a-message → create-a-message → list-all-conversation-messages → update-a-message"
                + " → list-all-conversation-messages"),
                named.toString());
        assertTrue(named.contains(prefix + "resolve-conversation → get-single-conversation → resolve-conversation → resolve-conversation"
                + " → get-single-conversation"), named.toString());
        assertTrue(named.stream().allMatch(n -> n.startsWith("create-a-contact → ")), "each owns its contact: " + named);
    }

    @Test
    void anotherParentReachesTheFirstParentsConversationOnlyInStepsMadeToBeRefused() {
        Sequence foreign = of(1, 0).stream().filter(s -> s.steps().stream().anyMatch(st -> st.borrowed().isPresent()))
                .findFirst().orElseThrow();
        assertEquals(List.of("create-a-contact", "create-a-conversation", "create-a-message", "list-all-contact-conversations",
                "create-a-contact"), foreign.operations().subList(0, 5));
        Step get = foreign.steps().stream().filter(s -> s.operation().equals("get-single-conversation")).findFirst().orElseThrow();
        assertEquals(CaseKind.FOREIGN_PARENT, get.kind());
        assertEquals(4, get.borrowed().orElseThrow().step());
        Step list = foreign.steps().stream().filter(s -> s.operation().equals("list-all-contact-conversations") && s.borrowed().isPresent())
                .findFirst().orElseThrow();
        assertEquals(CaseKind.POSITIVE, list.kind(), "B's own list is a valid request");
    }

    @Test
    void theSameSeedGivesTheSameSequencesAndAnotherSeedOtherWalks() {
        assertEquals(of(7, 20), of(7, 20));
        assertNotEquals(of(7, 20), of(8, 20));
        assertEquals(of(7, 0), of(8, 0), "the named sequences do not depend on the seed");
    }

    @Test
    void walksKeepToTheirLengthAndStartAtTheRoot() {
        List<Sequence> walks = of(3, 20).subList(of(3, 0).size(), of(3, 20).size());
        assertEquals(20, walks.size());
        assertTrue(walks.stream().allMatch(w -> w.steps().size() <= 6 && w.operations().get(0).equals("create-a-contact")));
    }
}
