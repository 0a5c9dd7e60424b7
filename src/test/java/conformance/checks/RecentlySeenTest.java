package conformance.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentlySeenTest {
    @Test
    void tellsRepeatsWithinItsWindowAndForgetsBeyondIt() {
        RecentlySeen<Long> seen = new RecentlySeen<>(3);
        assertTrue(seen.firstTime(1L));
        assertFalse(seen.firstTime(1L));
        assertTrue(seen.firstTime(2L));
        assertTrue(seen.firstTime(3L));
        assertTrue(seen.firstTime(4L));
        assertTrue(seen.firstTime(1L), "1 left the window of the last three");
        assertFalse(seen.firstTime(4L));
    }
}
