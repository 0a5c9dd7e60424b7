package conformance.links;

import conformance.contract.Contract;
import conformance.contract.DeclaredLink;
import conformance.contract.Operation;
import conformance.contract.Parameter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every link of a contract, validated: the document's Link Objects, the inferred links (less those a document or
 * overlay link replaces: same source, same target, a parameter in common), then the overlay's.
 */
public final class Links {
    private final List<Link> all;

    private Links(List<Link> all) {
        this.all = List.copyOf(all);
    }

    /** Document links, inferred links, then the overlay; one {@link LinkException} naming every link that cannot be used. */
    public static Links of(Contract contract, Optional<Overlay> overlay) {
        List<String> problems = new ArrayList<>();
        List<Link> document = resolve(contract, contract.links(), Origin.DOCUMENT, "the document", problems);
        List<Link> overlaid = overlay.map(o -> resolve(contract, o.links(), Origin.OVERLAY, "the links overlay " + o.name(), problems))
                .orElse(List.of());
        List<Link> inferred = Inference.of(contract).stream()
                .filter(i -> Stream.concat(document.stream(), overlaid.stream()).noneMatch(d -> replaces(d, i))).toList();
        inferred.forEach(link -> problems.addAll(Validation.problems(contract, link).stream()
                .map(p -> "inferred link " + link.describe() + ": " + p).toList()));
        if (!problems.isEmpty()) {
            throw new LinkException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " links cannot be used: " + String.join("; ", problems));
        }
        return new Links(Stream.of(document, inferred, overlaid).flatMap(List::stream).toList());
    }

    private static List<Link> resolve(Contract contract, List<DeclaredLink> declared, Origin origin, String where,
                                      List<String> problems) {
        List<Link> links = new ArrayList<>();
        for (DeclaredLink d : declared) {
            String prefix = "link '" + d.name() + "' of " + d.source() + " " + d.status() + " in " + where + ": ";
            try {
                Link link = Declarations.resolve(contract, d, origin);
                List<String> found = Validation.problems(contract, link);
                found.forEach(p -> problems.add(prefix + p));
                if (found.isEmpty()) {
                    links.add(link);
                }
            } catch (LinkException e) {
                problems.add(prefix + e.getMessage());
            }
        }
        return links;
    }

    private static boolean replaces(Link given, Link inferred) {
        return given.source().equals(inferred.source()) && given.target().equals(inferred.target())
                && given.parameters().keySet().stream().map(Links::unqualified).anyMatch(inferred.parameters()::containsKey);
    }

    /** A link parameter's name without its location ({@code path.x} is {@code x}). */
    private static String unqualified(String name) {
        for (Parameter.Location in : Parameter.Location.values()) {
            if (name.startsWith(in + ".")) {
                return name.substring(in.toString().length() + 1);
            }
        }
        return name;
    }

    /**
     * The parameter of {@code target} a link names: by its name, or qualified by its location ({@code path.x},
     * {@code query.x}, {@code header.x}, {@code cookie.x}) as OpenAPI allows when a name is used in two locations.
     */
    public static Optional<Parameter> parameter(Operation target, String name) {
        List<Parameter> byName = target.parameters().stream().filter(p -> p.name().equals(name)).toList();
        if (byName.size() == 1) {
            return Optional.of(byName.get(0));
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String location = name.substring(0, dot);
        String rest = name.substring(dot + 1);
        return target.parameters().stream()
                .filter(p -> p.in().toString().equals(location.toLowerCase(Locale.ROOT)) && p.name().equals(rest)).findFirst();
    }

    /** One line for the run's log: how many links, from where. */
    public String summary() {
        Map<Origin, Long> counts = all.stream().collect(Collectors.groupingBy(Link::origin, () -> new EnumMap<>(Origin.class),
                Collectors.counting()));
        return all.size() + " link" + (all.size() == 1 ? "" : "s") + " between operations" + (counts.isEmpty() ? "" : " ("
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ")");
    }

    public List<Link> all() {
        return all;
    }

    /** The links whose source is this operation, in the order of {@link #all()}. */
    public List<Link> from(String sourceOperationId) {
        return all.stream().filter(l -> l.source().equals(sourceOperationId)).toList();
    }

    /** The links whose target is this operation, in the order of {@link #all()}. */
    public List<Link> to(String targetOperationId) {
        return all.stream().filter(l -> l.target().equals(targetOperationId)).toList();
    }
}
