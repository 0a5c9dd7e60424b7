package conformance.sequence;

import conformance.contract.Contract;
import conformance.contract.Parameter;
import conformance.generation.CaseKind;
import conformance.generation.Rng;
import conformance.links.Link;
import conformance.links.Links;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sequences of a run, from the links alone: the named ones (create, fetch, update, fetch; create, list; create a
 * child, list, update it, list again; create, act, fetch, act twice, fetch; and one that reaches the resources of one
 * parent through another), then seeded random walks. Each starts at a root create, so it owns what it makes.
 */
public final class Sequences {
    /** Mixed into the seed so that walks do not draw the numbers the cases draw. */
    private static final long WALK_SALT = 0x5e9_0e4ce5L;
    private static final int MAX_DEPTH = 8;
    static final String ARROW = " → ";

    private final Contract contract;
    private final LinkGraph graph;

    private Sequences(Contract contract, Links links) {
        this.contract = contract;
        this.graph = new LinkGraph(contract, links);
    }

    /** The named sequences, then {@code walks} walks of at most {@code maxLength} steps drawn from {@code seed}. */
    public static List<Sequence> of(Contract contract, Links links, long seed, int walks, int maxLength) {
        Sequences s = new Sequences(contract, links);
        List<Sequence> out = new ArrayList<>(s.named());
        for (int i = 0; i < walks; i++) {
            String walk = "walk " + (i + 1) + ": ";
            s.walk(Rng.forCase(seed ^ WALK_SALT, i), maxLength).ifPresent(steps -> out.add(new Sequence(walk + name(steps), steps)));
        }
        return out;
    }

    private List<Sequence> named() {
        Map<List<String>, List<Step>> distinct = new LinkedHashMap<>();
        for (String create : graph.creates()) {
            Optional<List<Step>> prefix = prefix(create, 0);
            if (prefix.isEmpty()) {
                continue;
            }
            int c = prefix.get().size() - 1;
            Optional<Link> fetch = graph.fetch(create);
            Optional<Link> update = graph.update(create);
            if (fetch.isPresent() && update.isPresent()) {
                add(distinct, then(prefix.get(), c, fetch, update, fetch));
            }
            graph.list(create).ifPresent(list -> add(distinct, then(prefix.get(), c, Optional.of(list))));
            for (Link child : graph.children(create)) {
                // two children, so that the list shows one the update did not target
                List<Step> steps = then(prefix.get(), c, Optional.of(child), Optional.of(child));
                Optional<Link> list = graph.list(child.target());
                Optional<Link> change = graph.update(child.target());
                add(distinct, then(steps, steps.size() - 1, list, change, change.isPresent() ? list : Optional.empty()));
            }
            for (Link action : graph.actions(create)) {
                Optional<Link> act = Optional.of(action);
                add(distinct, then(prefix.get(), c, act, fetch, act, act, fetch));
            }
        }
        graph.roots().forEach(root -> graph.children(root).forEach(child -> add(distinct, foreign(root, child))));
        return distinct.values().stream().map(steps -> new Sequence(name(steps), steps)).toList();
    }

    /** The steps from a root create down to {@code create}, each following the link from the create above it. */
    private Optional<List<Step>> prefix(String create, int depth) {
        if (graph.roots().contains(create)) {
            return Optional.of(List.of(Step.root(create)));
        }
        Optional<Link> parent = graph.parent(create);
        if (parent.isEmpty() || depth == MAX_DEPTH) {
            return Optional.empty();
        }
        return prefix(parent.get().source(), depth + 1).map(above -> then(above, above.size() - 1, parent));
    }

    /** {@code steps} and then each present link followed from step {@code from}. */
    @SafeVarargs
    private static List<Step> then(List<Step> steps, int from, Optional<Link>... links) {
        List<Step> out = new ArrayList<>(steps);
        for (Optional<Link> link : links) {
            link.ifPresent(l -> out.add(Step.following(l, from)));
        }
        return out;
    }

    /**
     * Parent A, its child X (and X's first child), A's list of X's kind, parent B, then every link of X and its child followed with B's
     * identifier in place of A's: steps that reach X or below it are of kind {@code foreign_parent}; a list of X's
     * kind under B is a valid request, whose answer must show none of A's.
     */
    private List<Step> foreign(String root, Link child) {
        List<Step> steps = new ArrayList<>(List.of(Step.root(root), Step.following(child, 0)));
        graph.children(child.target()).stream().findFirst().ifPresent(grandchild -> steps.add(Step.following(grandchild, 1)));
        graph.list(child.target()).ifPresent(list -> steps.add(Step.following(list, 1)));
        int other = steps.size();
        steps.add(Step.root(root));
        Set<String> parentsOwn = pathNames(child.target());
        Optional<String> borrowed = child.parameters().entrySet().stream().filter(p -> LinkGraph.ofAnswer(p.getValue()))
                .map(Map.Entry::getKey).filter(parentsOwn::contains).findFirst();
        if (borrowed.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int from = 1; from < other; from++) {
            for (Link link : graph.links().from(steps.get(from).operation())) {
                if (pathNames(link.target()).contains(borrowed.get()) && seen.add(link.target())) {
                    boolean below = !parentsOwn.containsAll(pathNames(link.target()));
                    steps.add(Step.following(link, from).borrowing(new Step.Borrowed(borrowed.get(), other, child),
                            below ? CaseKind.FOREIGN_PARENT : CaseKind.POSITIVE));
                }
            }
        }
        return steps;
    }

    private Set<String> pathNames(String operation) {
        return contract.operation(operation).parameters(Parameter.Location.PATH).stream().map(Parameter::name).collect(Collectors.toSet());
    }

    /** A walk from a random root, each step following a random link from any earlier step. */
    private Optional<List<Step>> walk(Rng rng, int maxLength) {
        List<String> roots = graph.roots();
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>(List.of(Step.root(rng.pick(roots))));
        while (steps.size() < maxLength) {
            List<Step> moves = new ArrayList<>();
            for (int from = 0; from < steps.size(); from++) {
                for (Link link : graph.links().from(steps.get(from).operation())) {
                    moves.add(Step.following(link, from));
                }
            }
            if (moves.isEmpty()) {
                break;
            }
            steps.add(rng.pick(moves));
        }
        return Optional.of(steps);
    }

    private static void add(Map<List<String>, List<Step>> distinct, List<Step> steps) {
        if (steps.size() > 1) {
            distinct.putIfAbsent(steps.stream().map(Sequences::label).toList(), steps);
        }
    }

    static String name(List<Step> steps) {
        return steps.stream().map(Sequences::label).collect(Collectors.joining(ARROW));
    }

    private static String label(Step step) {
        return step.kind().equals(CaseKind.POSITIVE) ? step.operation() : step.operation() + " [" + step.kind().id() + "]";
    }
}
