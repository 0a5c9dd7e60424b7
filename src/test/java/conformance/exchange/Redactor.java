package conformance.exchange;

import conformance.config.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything the suite writes: credential headers, identity hashes and pubsub tokens in JSON
 * bodies, and every secret value the run learned (the HMAC token, hashes it computed, tokens the target issued).
 */
public final class Redactor {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "api_access_token", "cookie", "set-cookie",
            "proxy-authorization", "x-api-key");
    private static final List<String> SECRET_MEMBER_NAMES = List.of("identifier_hash", "pubsub_token", "hmac_token",
            "api_access_token", "access_token", "password");
    /**
     * How each quoted name ends (its last four letters and the closing quote): text holding none of these cannot match
     * the member pattern, and is not scanned. Three searches instead of one per name, on every text of every exchange.
     */
    private static final List<String> NAME_ENDINGS = SECRET_MEMBER_NAMES.stream().map(n -> n.substring(n.length() - 4) + '"')
            .distinct().toList();
    private static final Pattern SECRET_MEMBERS = Pattern.compile(
            "(\"(?:" + String.join("|", SECRET_MEMBER_NAMES) + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    static final int MIN_SECRET = 8;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    /** Headers whose every value is a secret, whatever its length: those the user added for a gateway. */
    private final Set<String> secretHeaders = ConcurrentHashMap.newKeySet();

    /**
     * Hides every later occurrence of {@code value}. Values shorter than {@link #MIN_SECRET} are not taken: real tokens
     * and hashes are long, and a mock's placeholder token ("string") would otherwise blank out every such word.
     */
    public void addSecret(String value) {
        if (value != null && value.length() >= MIN_SECRET) {
            secrets.add(value);
        }
    }

    /** Hides the value of the header {@code name} (any case) in every recorded request, even a 1-character one. */
    public void addSecretHeader(String name) {
        secretHeaders.add(name.toLowerCase(Locale.ROOT));
    }

    public String redact(String text) {
        return redact(text, UnaryOperator.identity());
    }

    /** {@code form} gives how a secret looks in {@code text}: as it is, or as its UTF-8 bytes read one char each. */
    private String redact(String text, UnaryOperator<String> form) {
        // a plain search is many times cheaper than the pattern, and most bodies name no secret member
        String out = NAME_ENDINGS.stream().anyMatch(text::contains)
                ? SECRET_MEMBERS.matcher(text).replaceAll("$1\"" + Secret.PLACEHOLDER + "\"") : text;
        for (String s : secrets) {
            out = out.replace(form.apply(s), Secret.PLACEHOLDER);
        }
        return out;
    }

    /** The same redaction on bytes that are not text: a secret is found by its UTF-8 bytes wherever it sits. */
    private byte[] redact(byte[] body) {
        return redact(new String(body, StandardCharsets.ISO_8859_1),
                s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    public List<Header> redact(List<Header> headers) {
        return headers.stream().map(h -> secretHeader(h.name())
                ? new Header(h.name(), Secret.PLACEHOLDER) : new Header(h.name(), redact(h.value()))).toList();
    }

    private boolean secretHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_HEADERS.contains(lower) || secretHeaders.contains(lower);
    }

    /** A body for people: UTF-8 text (or a hex note when it is not text), redacted and cut at {@code maxChars}. */
    public String body(byte[] body, int maxChars) {
        return cut(redact(decode(body)), maxChars);
    }

    /** {@code text} cut at {@code maxChars}, saying how much was cut. */
    public static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : appendCut(new StringBuilder(maxChars + 40), text, maxChars).toString();
    }

    /** {@link #cut} onto {@code out}, without a copy of the kept part of its own. */
    public static StringBuilder appendCut(StringBuilder out, String text, int maxChars) {
        if (text.length() <= maxChars) {
            return out.append(text);
        }
        int end = end(text, maxChars);
        return out.append(text, 0, end).append("… [").append(text.length() - end).append(" more characters cut]");
    }

    /**
     * At most {@code maxChars} characters of {@code s}, never ending in half a surrogate pair (an emoji at the cut):
     * the UTF-8 writers of every report refuse one. Every report that shortens text cuts here.
     */
    public static String prefix(String s, int maxChars) {
        if (s.length() <= maxChars) {
            return s;
        }
        return s.substring(0, end(s, maxChars));
    }

    /** Where a cut at {@code maxChars} ends, for a string longer than that: never after half a surrogate pair. */
    private static int end(String s, int maxChars) {
        return maxChars > 0 && Character.isHighSurrogate(s.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    }

    static String decode(byte[] body) {
        String lenient = new String(body, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            // valid UTF-8 (the JDK's fast path, without a decoder's buffers): what the strict decoder would give
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, StandardCharsets.UTF_8) + " [not valid UTF-8: undecodable bytes shown as \uFFFD]";
        }
    }

    /** The exchange with every part redacted once, for all the writers that record it. */
    public RedactedExchange redacted(Exchange e) {
        return new RedactedExchange(redact(e.kase().label()), redacted(e.request()), e.response().map(this::redacted),
                e.failure().map(f -> f.kind() + ": " + redact(f.message())));
    }

    public RedactedExchange.Request redacted(SentRequest r) {
        String url = redact(r.url());
        List<Header> headers = redact(r.headers());
        String decoded = decode(r.body());
        String body = redact(decoded);
        return new RedactedExchange.Request(r.method(), url, headers, body, curl(r, url, headers, decoded, body));
    }

    public RedactedExchange.Response redacted(ReceivedResponse r) {
        return new RedactedExchange.Response(r.status(), redact(r.headers()), redact(decode(r.body())), r.truncated());
    }

    public String request(SentRequest r, int maxChars) {
        return redacted(r).text(maxChars);
    }

    public String response(ReceivedResponse r, int maxChars) {
        return redacted(r).text(maxChars);
    }

    /**
     * A curl command that sends the same request. Redacted values stay placeholders: the line after the command
     * says how to fill them in.
     */
    public String curl(SentRequest r) {
        return redacted(r).curl();
    }

    /** The curl of {@code r} from its parts already redacted; {@code decoded}: its body as {@link #decode} reads it. */
    private String curl(SentRequest r, String url, List<Header> headers, String decoded, String body) {
        StringBuilder cmd = new StringBuilder();
        boolean binary = !isPlainText(decoded);
        if (binary) {
            cmd.append("printf '").append(printfEscape(redact(r.body()))).append("' | ");
        }
        cmd.append("curl -sS -i -X ").append(r.method()).append(' ').append(quote(url));
        headers.forEach(h -> cmd.append(" -H ").append(quote(h.name() + ": " + h.value())));
        if (binary) {
            cmd.append(" --data-binary @-");
        } else if (r.body().length > 0) {
            // a body that decodes is the same text as the one redacted for people
            cmd.append(" --data-binary ").append(quote(body));
        }
        String out = cmd.toString();
        if (out.contains(Secret.PLACEHOLDER)) {
            out += "\n# " + Secret.PLACEHOLDER + " stands for a secret kept out of reports: put back the value "
                    + "(identifier_hash = HMAC-SHA256 of the identifier with your inbox's HMAC token"
                    + (r.headers().stream().anyMatch(h -> secretHeaders.contains(h.name().toLowerCase(Locale.ROOT)))
                    ? "; a header of CONFORMANCE_HEADERS: its value there" : "") + ").";
        }
        return out;
    }

    private static boolean isPlainText(String decoded) {
        return decoded.indexOf('\0') < 0 && !decoded.contains("[not valid UTF-8");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String printfEscape(byte[] body) {
        StringBuilder out = new StringBuilder();
        for (byte b : body) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\' && c != '%') {
                out.append((char) c);
            } else {
                out.append(String.format("\\%03o", c));
            }
        }
        return out.toString();
    }
}
