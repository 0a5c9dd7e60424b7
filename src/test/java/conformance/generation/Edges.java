package conformance.generation;

import java.util.List;

/** The values real servers trip over, from which generation draws with a bias. */
final class Edges {
    private Edges() {
    }

    static final List<String> STRINGS = List.of(
            "", " ", "a", "0", "null", "true", "é", "日本語", "Ωmega", "👍🏽", "e\u0301", "שלום עולם", "مرحبا",
            "a\u0000b", "tab\there", "line\nbreak", "quote\"and\\backslash", "<script>alert(1)</script>",
            "' OR '1'='1", "%00", "\uFEFFbom", "ǅ", "ﬃ", "\u200B");

    static final List<String> KEYS = List.of(
            "a", "key", "é", "ключ", "日", "a.b", "a b", "a[0]", "$key", "__proto__", "constructor", "", " ",
            "k\u0000", "👍", "UPPER", "with-dash", "1", "@type", "x".repeat(300));

    static final List<Long> INTEGERS = List.of(0L, 1L, -1L, 2L, 127L, 128L, 255L, 256L, 32767L, 65535L,
            2147483647L, -2147483648L, 2147483648L, 9_999_999_999L, 10_000_000_000L, 9007199254740993L,
            Long.MAX_VALUE, Long.MIN_VALUE);

    static final List<Double> NUMBERS = List.of(0.0, -0.0, 0.5, -1.5, 1e-9, 3.141592653589793, 1e15, 1.7976931348623157e308,
            4.9e-324, -1e300);
}
