package conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What people read of a long body: one repeated character is written once, with its count. */
class ExcerptTest {
    @Test
    void aLongRunOfOneCharacterIsWrittenWithItsCount() {
        assertEquals("{\"name\":\"\"x\"×2000\"}", Excerpt.abbreviated("{\"name\":\"" + "x".repeat(2000) + "\"}"));
    }

    @Test
    void shortRunsAndMixedTextStayAsTheyAre() {
        String text = "aaaaaaaaaaaaaaa bbb {\"k\":[1,1,1]} " + "ab".repeat(40);
        assertEquals(text, Excerpt.abbreviated(text));
    }

    @Test
    void aRunOfCharactersOutsideTheBasicPlaneCountsCharactersNotHalves() {
        assertEquals("\"👍\"×20", Excerpt.abbreviated("👍".repeat(20)));
    }

    @Test
    void theCutComesAfterAbbreviatingSoWhatFollowsARunStaysVisible() {
        String excerpt = Excerpt.of("x".repeat(5000) + " then the server's message", 100);
        assertTrue(excerpt.endsWith("then the server's message"), excerpt);
    }
}
