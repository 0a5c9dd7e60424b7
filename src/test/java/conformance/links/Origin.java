package conformance.links;

/**
 * Where a link comes from, for reports and for precedence: a document or overlay link replaces an inferred one of the
 * same source to the same target parameter.
 */
public enum Origin { DOCUMENT, INFERRED, OVERLAY }
