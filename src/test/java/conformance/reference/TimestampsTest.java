package conformance.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void aWholeSecondKeepsItsMilliseconds() {
        assertEquals("2026-12-02T12:00:00.000Z", Timestamps.millis(Instant.parse("2026-12-02T12:00:00Z")));
    }

    @Test
    void finerDigitsAreCutNotRounded() {
        assertEquals("2026-12-02T12:00:00.123Z", Timestamps.millis(Instant.parse("2026-12-02T12:00:00.123999Z")));
    }
}
