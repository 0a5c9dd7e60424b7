package conformance.checks;

import conformance.exchange.Exchange;
import conformance.generation.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What an error answer says, with what varies from request to request taken out: its message shape. Two 422s of one
 * operation whose messages differ ("length should be < N", "value should be < N") have two causes, so they are two
 * findings, and a shrunk case must keep its own. Taken out: what the request sent (member names and string values the
 * server echoes), quoted values, numbers and hexadecimal ids. A JSON body keeps its structure (member names sorted).
 * Empty for no answer at all; {@link Finding#signature} asks it of error answers only.
 */
final class ResponseSignature {
    /** Only the start of a body counts: a report's copy of it (cut at 64 KiB) has the same signature as the answer. */
    static final int PREFIX_BYTES = 4096;
    static final int MAX_LENGTH = 300;
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`|“[^”]*”");
    private static final Pattern NUMBER_OR_ID = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_])[0-9a-f.:-]*[0-9][0-9a-f.:-]*(?![\\p{L}\\p{N}_])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ResponseSignature() {
    }

    static String of(Exchange e) {
        if (e.response().isEmpty()) {
            return "";
        }
        byte[] body = e.response().get().body();
        String text = new String(Arrays.copyOf(body, Math.min(body.length, PREFIX_BYTES)), StandardCharsets.UTF_8);
        List<String> echoed = echoed(e);
        String shape;
        try {
            shape = shape(Json.MAPPER.readTree(text), echoed);
        } catch (JacksonException notJson) {
            shape = normalised(text, echoed);
        }
        return shape.length() > MAX_LENGTH ? shape.substring(0, MAX_LENGTH) : shape;
    }

    private static String shape(JsonNode node, List<String> echoed) {
        if (node.isObject()) {
            Map<String, String> members = new TreeMap<>();
            node.properties().forEach(m -> members.put(normalised(m.getKey(), echoed), shape(m.getValue(), echoed)));
            return members.entrySet().stream().map(m -> m.getKey() + ":" + m.getValue()).collect(Collectors.joining(",", "{", "}"));
        }
        if (node.isArray()) {
            Set<String> items = new LinkedHashSet<>();
            node.forEach(item -> items.add(shape(item, echoed)));
            return items.stream().collect(Collectors.joining(",", "[", "]"));
        }
        if (node.isString()) {
            return '"' + normalised(node.asString(), echoed) + '"';
        }
        return node.isNumber() ? "N" : node.isMissingNode() ? "" : node.toString();
    }

    /** The message without what the request put in it, quoted values and numbers; spaces collapsed. */
    private static String normalised(String message, List<String> echoed) {
        String out = message;
        for (String token : echoed) {
            if (out.contains(token)) {
                out = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(token) + "(?![\\p{L}\\p{N}_])")
                        .matcher(out).replaceAll("");
            }
        }
        out = QUOTED.matcher(out).replaceAll("‹›");
        out = NUMBER_OR_ID.matcher(out).replaceAll("N");
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    /** A finding's message without its quoted values, numbers and ids: what stays when new resources get new ids. */
    static String withoutValues(Exchange e, String message) {
        return normalised(message, echoed(e));
    }

    /** The member names and string values of the request's JSON payload, longest first (so a longer one goes whole). */
    private static List<String> echoed(Exchange e) {
        Set<String> tokens = new LinkedHashSet<>();
        e.kase().payload().ifPresent(p -> collect(p, tokens));
        return tokens.stream().filter(t -> !t.isBlank()).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static void collect(JsonNode node, Set<String> tokens) {
        if (node.isObject()) {
            node.properties().forEach(m -> {
                tokens.add(m.getKey());
                collect(m.getValue(), tokens);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, tokens));
        } else if (node.isString()) {
            tokens.add(node.asString());
        }
    }
}
