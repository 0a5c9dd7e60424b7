package conformance.links;

import java.util.regex.Pattern;

/** The grammar of runtime expressions (OpenAPI 3.1, Runtime Expressions), one clear message for what breaks it. */
final class ExpressionParser {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern POINTER = Pattern.compile("(/([^~]|~[01])*)*");
    private static final String FORMS = "expected $url, $method, $statusCode, $request.path.NAME, $request.query.NAME, "
            + "$request.header.NAME, $request.body#/pointer, $response.header.NAME, $response.body#/pointer or a constant";

    private ExpressionParser() {
    }

    static RuntimeExpression parse(String text) {
        if (text == null) {
            throw new LinkException("a link gives no expression (null); " + FORMS);
        }
        if (text.startsWith("{$")) {
            throw new LinkException("'" + text + "' embeds an expression in a template, which the suite does not support; "
                    + "write the expression alone (" + FORMS + ")");
        }
        if (!text.startsWith("$")) {
            return new RuntimeExpression.Constant(text);
        }
        switch (text) {
            case "$url":
                return new RuntimeExpression.Whole(RuntimeExpression.Whole.Part.URL);
            case "$method":
                return new RuntimeExpression.Whole(RuntimeExpression.Whole.Part.METHOD);
            case "$statusCode":
                return new RuntimeExpression.Whole(RuntimeExpression.Whole.Part.STATUS_CODE);
            default:
                break;
        }
        for (RuntimeExpression.Named.Place place : RuntimeExpression.Named.Place.values()) {
            if (text.startsWith(place.prefix)) {
                return named(text, place, text.substring(place.prefix.length()));
            }
        }
        for (String source : new String[] {"$request.body", "$response.body"}) {
            if (text.equals(source) || text.startsWith(source + "#")) {
                return body(text, source.equals("$response.body"), text.substring(source.length()));
            }
        }
        throw new LinkException("'" + text + "' is not a runtime expression: " + FORMS);
    }

    private static RuntimeExpression named(String text, RuntimeExpression.Named.Place place, String name) {
        if (name.isEmpty()) {
            throw new LinkException("'" + text + "' names no parameter or header after '" + place.prefix + "'");
        }
        boolean header = place == RuntimeExpression.Named.Place.REQUEST_HEADER || place == RuntimeExpression.Named.Place.RESPONSE_HEADER;
        if (header && !TOKEN.matcher(name).matches()) {
            throw new LinkException("'" + text + "': '" + name + "' is not a header name (RFC 9110 token characters only)");
        }
        return new RuntimeExpression.Named(place, name);
    }

    private static RuntimeExpression body(String text, boolean response, String fragment) {
        String pointer = fragment.isEmpty() ? "" : fragment.substring(1);
        if (!POINTER.matcher(pointer).matches()) {
            throw new LinkException("'" + text + "': '" + pointer + "' is not a JSON Pointer (RFC 6901: empty, or '/' "
                    + "segments with '~' only as ~0 or ~1)");
        }
        return new RuntimeExpression.Body(response, pointer);
    }
}
