package conformance.contract;

/** A Link Object declared under one response of one operation ({@code source}, {@code status}), by its name there. */
public record DeclaredLink(String source, String status, String name, LinkObject link) {
}
