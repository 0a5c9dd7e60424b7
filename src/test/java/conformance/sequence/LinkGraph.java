package conformance.sequence;

import conformance.contract.Contract;
import conformance.links.Link;
import conformance.links.Links;
import conformance.links.RuntimeExpression;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The links read as a client reads them, from the document alone: a create is an operation a link leaves with a value
 * of its answer; what such a link leads to is a fetch (GET of one resource), an update (PATCH, PUT), an action (a POST
 * that creates nothing) or a child create; a link that takes nothing of the answer and leads to a GET of an array leads
 * to the create's list. A root create is one no link leads to: the fixtures give all its values.
 */
final class LinkGraph {
    private final Contract contract;
    private final Links links;

    LinkGraph(Contract contract, Links links) {
        this.contract = contract;
        this.links = links;
    }

    Links links() {
        return links;
    }

    /** The creates, in document order. */
    List<String> creates() {
        return contract.operations().keySet().stream().filter(this::creates).toList();
    }

    boolean creates(String operation) {
        return method(operation).equals("POST") && links.from(operation).stream().anyMatch(LinkGraph::takesAnswer);
    }

    List<String> roots() {
        return creates().stream().filter(c -> links.to(c).isEmpty()).toList();
    }

    /** Whether the link takes a value of its source's answer (an id it returned). */
    static boolean takesAnswer(Link link) {
        return link.parameters().values().stream().anyMatch(LinkGraph::ofAnswer);
    }

    static boolean ofAnswer(RuntimeExpression e) {
        return e instanceof RuntimeExpression.Body b && b.response()
                || e instanceof RuntimeExpression.Named n && n.place() == RuntimeExpression.Named.Place.RESPONSE_HEADER;
    }

    Optional<Link> fetch(String create) {
        return resourceLinks(create).stream().filter(l -> method(l.target()).equals("GET") && !lists(l.target())).findFirst();
    }

    Optional<Link> update(String create) {
        return resourceLinks(create).stream().filter(l -> method(l.target()).equals("PATCH") || method(l.target()).equals("PUT")).findFirst();
    }

    List<Link> actions(String create) {
        return resourceLinks(create).stream().filter(l -> method(l.target()).equals("POST") && !creates(l.target())).toList();
    }

    List<Link> children(String create) {
        return resourceLinks(create).stream().filter(l -> creates(l.target())).toList();
    }

    /** The list of what {@code create} makes: a link taking nothing of its answer to a GET of an array. */
    Optional<Link> list(String create) {
        return links.from(create).stream().filter(l -> !takesAnswer(l) && method(l.target()).equals("GET") && lists(l.target())).findFirst();
    }

    /** The links that reach the created resource itself (they take a value of the create's answer). */
    List<Link> resourceLinks(String create) {
        return links.from(create).stream().filter(LinkGraph::takesAnswer).toList();
    }

    /** The link into {@code create} from the create above it, if one leads there. */
    Optional<Link> parent(String create) {
        return links.to(create).stream().filter(l -> creates(l.source()) && takesAnswer(l)).findFirst();
    }

    private String method(String operation) {
        return contract.operation(operation).method().toUpperCase(Locale.ROOT);
    }

    private boolean lists(String operation) {
        return contract.operation(operation).answersArray();
    }
}
