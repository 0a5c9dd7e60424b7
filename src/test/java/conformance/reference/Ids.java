package conformance.reference;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Integer ids as each dialect reads them from a path segment or a query value. */
final class Ids {
    private static final Pattern DOCUMENT_INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern RUBY_INTEGER = Pattern.compile("^\\s*([+-]?\\d{1,18})");

    private Ids() {
    }

    /**
     * The document dialect: an integer, or nothing. Chatwoot: ActiveRecord casts with Ruby's {@code to_i}, so leading
     * digits count ({@code 12abc} is 12) and anything else is 0.
     */
    static OptionalLong parse(Dialect dialect, String text) {
        if (dialect == Dialect.DOCUMENT) {
            return DOCUMENT_INTEGER.matcher(text).matches() ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        }
        Matcher m = RUBY_INTEGER.matcher(text);
        return OptionalLong.of(m.find() ? Long.parseLong(m.group(1)) : 0);
    }
}
