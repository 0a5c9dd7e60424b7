package conformance.verdict;

import conformance.checks.Finding;
import conformance.config.ConfigException;
import conformance.config.Settings;
import conformance.generation.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The waivers file (YAML): a list under {@code waivers:}, each with {@code check}, {@code operation}, a
 * {@code reason}, and optionally {@code status}, {@code pointer}, {@code message} (a regular expression found in the
 * finding's message), {@code response} (one found in the response body of the finding's exchange), {@code cases}
 * (the kinds of case it covers, e.g. {@code [unknown_contact, unknown_inbox]}) and {@code expires} (a date). Read and
 * checked before any request: a file that does not parse (named with its line and column), an unknown check id, a
 * missing reason or an expired waiver stops the run with one message.
 */
public final class Waivers {
    private static final Set<String> FIELDS = Set.of("check", "operation", "status", "pointer", "message", "response", "cases",
            "reason", "expires");

    private final List<Waiver> list;

    private Waivers(List<Waiver> list) {
        this.list = List.copyOf(list);
    }

    public static Waivers none() {
        return new Waivers(List.of());
    }

    public List<Waiver> all() {
        return list;
    }

    /** The first waiver that accepts {@code f}, shown by these kinds of case (see {@link Waiver#matches}). */
    public Optional<Waiver> match(Finding f, Set<String> shownBy, boolean aboutTheRun) {
        return list.stream().filter(w -> w.matches(f, shownBy, aboutTheRun)).findFirst();
    }

    /** The ids a waivers file may name: the run's checks, the document's operations, the kinds of case. */
    public record Known(Collection<String> checks, Collection<String> operations, Collection<String> cases) {
    }

    public static Waivers load(Path file, Known known, LocalDate today) {
        Collection<String> checkIds = known.checks();
        Collection<String> operationIds = known.operations();
        String where = Settings.name("waivers") + " " + file;
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new ConfigException(where + " does not parse as YAML" + yamlError(e));
        } catch (IOException e) {
            throw new ConfigException(where + " cannot be read: " + oneLine(e.getMessage()));
        }
        JsonNode items = root == null ? null : root.get("waivers");
        if (items == null || !items.isArray()) {
            throw new ConfigException(where + " must hold a list under 'waivers:' (each with check, operation, reason; "
                    + "optionally status, pointer, message, response, cases, expires).");
        }
        List<Waiver> out = new ArrayList<>();
        int number = 0;
        for (JsonNode item : items) {
            number++;
            String at = where + ", waiver #" + number;
            if (!item.isObject()) {
                throw new ConfigException(at + " is not a mapping.");
            }
            for (String field : item.propertyNames()) {
                if (!FIELDS.contains(field)) {
                    throw new ConfigException(at + " has an unknown field '" + field + "'; known: " + FIELDS);
                }
            }
            String check = text(item, "check", at);
            if (!checkIds.contains(check)) {
                throw new ConfigException(at + " names an unknown check '" + check + "'; known checks: " + checkIds);
            }
            String operation = text(item, "operation", at);
            if (!operationIds.contains(operation)) {
                throw new ConfigException(at + " names an unknown operation '" + operation + "'; known: " + operationIds);
            }
            String reason = text(item, "reason", at);
            OptionalInt status = item.has("status") ? OptionalInt.of(status(item.get("status"), at)) : OptionalInt.empty();
            Optional<Pattern> message = item.has("message") ? Optional.of(pattern(item, "message", at)) : Optional.empty();
            Optional<Pattern> response = item.has("response") ? Optional.of(pattern(item, "response", at)) : Optional.empty();
            Optional<LocalDate> expires = item.has("expires") ? Optional.of(date(item.get("expires").asString(), at)) : Optional.empty();
            if (expires.isPresent() && expires.get().isBefore(today)) {
                throw new ConfigException(at + " (" + check + ") expired on " + expires.get() + ": renew it with a new "
                        + "'expires' date if the deviation is still accepted, or remove it.");
            }
            Optional<String> pointer = item.has("pointer") ? Optional.of(text(item, "pointer", at)) : Optional.empty();
            Set<String> cases = item.has("cases") ? cases(item.get("cases"), at, known.cases()) : Set.of();
            out.add(new Waiver(number, check, operation, status, pointer, message, response, cases, reason, expires));
        }
        return new Waivers(out);
    }

    private static String text(JsonNode item, String field, String at) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull() || v.isContainer() || v.asString().isBlank()) {
            throw new ConfigException(at + " needs a '" + field + "'.");
        }
        return v.asString();
    }

    /** One kind of case or a list of them, by their stable ids (README, "Kinds of case"). */
    private static Set<String> cases(JsonNode v, String at, Collection<String> known) {
        List<JsonNode> names = new ArrayList<>();
        (v.isArray() ? v : Json.NODES.arrayNode().add(v)).forEach(names::add);
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : names) {
            String id = n.isString() ? n.asString().trim().toLowerCase(Locale.ROOT).replace('-', '_') : null;
            if (id == null || !known.contains(id)) {
                throw new ConfigException(at + ": cases names '" + (n.isString() ? n.asString() : n.toString()) + "', not a kind of case; known: " + known);
            }
            out.add(id);
        }
        if (out.isEmpty()) {
            throw new ConfigException(at + ": cases is empty; leave it out to cover every kind of case, or name some of "
                    + known);
        }
        return out;
    }

    private static int status(JsonNode v, String at) {
        if (v.canConvertToInt() && v.asInt() >= 100 && v.asInt() <= 599) {
            return v.asInt();
        }
        throw new ConfigException(at + ": status '" + v.asString() + "' is not an HTTP status (100-599).");
    }

    private static Pattern pattern(JsonNode item, String field, String at) {
        String regex = text(item, field, at);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(at + ": " + field + " '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    private static LocalDate date(String v, String at) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ConfigException(at + ": expires '" + v + "' is not a date (YYYY-MM-DD).");
        }
    }

    /**
     * Where and why, on one line, lines and columns counted as an editor does (from 1). The YAML parser's own error
     * knows where the problem is and in which construct; Jackson's location is only where it was reading.
     */
    private static String yamlError(JacksonException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
                String context = yaml.getContext() == null ? "" : " (" + yaml.getContext()
                        + yaml.getContextMark().map(m -> " from " + at(m.getLine() + 1, m.getColumn() + 1)).orElse("") + ")";
                return " at " + at(yaml.getProblemMark().get().getLine() + 1, yaml.getProblemMark().get().getColumn() + 1)
                        + ": " + oneLine(yaml.getProblem()) + context;
            }
        }
        return (e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " at " + at(e.getLocation().getLineNr(), e.getLocation().getColumnNr())) + ": " + oneLine(e.getOriginalMessage());
    }

    private static String at(int line, int column) {
        return "line " + line + ", column " + column;
    }

    /** The parser's explanation spans several lines (with an excerpt of the file): one line for the console. */
    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
