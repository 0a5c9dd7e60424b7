package conformance.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.links.Links;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequencesTest {
    private static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);
    private static final Links LINKS = Links.of(CONTRACT, Optional.empty());

    private static List<String> names(long seed) {
        return Sequences.of(CONTRACT, LINKS, seed, 20, 6).stream().map(Sequence::name).toList();
    }

    @Test
    void print() {
        names(1).forEach(System.out::println);
    }

    @Test
    void theSameSeedGivesTheSameSequencesAndAnotherSeedOtherWalks() {
        assertEquals(Sequences.of(CONTRACT, LINKS, 7, 20, 6), Sequences.of(CONTRACT, LINKS, 7, 20, 6));
        assertNotEquals(names(7), names(8));
    }
}
