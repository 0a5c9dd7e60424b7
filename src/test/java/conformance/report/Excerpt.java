package conformance.report;

import conformance.exchange.Redactor;

/**
 * Text for people (the certificate, Allure's steps and attachments): a long run of one character is written
 * {@code "x"×2000}, so a 2 KB body of one letter takes a line and what differs stays visible. Never applied to a curl
 * command or the exchange log, which must stay exact.
 */
final class Excerpt {
    /** Runs shorter than this stay as they are: they read well and abbreviating them would hide nothing. */
    static final int MIN_RUN = 16;

    private Excerpt() {
    }

    /** {@code text} with every run of at least {@link #MIN_RUN} equal characters abbreviated. */
    static String abbreviated(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            int end = i + width;
            int run = 1;
            while (end < text.length() && text.codePointAt(end) == c) {
                end += width;
                run++;
            }
            if (run >= MIN_RUN) {
                out.append('"').appendCodePoint(c).append("\"×").append(run);
            } else {
                out.append(text, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    /** The abbreviated text cut at {@code maxChars} (after abbreviating, so a long run costs a few characters). */
    static String of(String text, int maxChars) {
        return Redactor.cut(abbreviated(text), maxChars);
    }
}
