package conformance.checks;

/**
 * Which field of what an update sent is which field of what a later read shows, when the names differ or the
 * comparison is not plain equality: declared by an API's extension, never guessed. Pointers are JSON pointers into the
 * update's request body ({@code sent}) and into the read resource ({@code shown}).
 */
public record FieldPair(String updateOperation, String sent, String shown, boolean ignoreCase) {

    public static FieldPair renamed(String updateOperation, String sent, String shown) {
        return new FieldPair(updateOperation, sent, shown, false);
    }

    public static FieldPair withoutCase(String updateOperation, String field) {
        return new FieldPair(updateOperation, "/" + field, "/" + field, true);
    }
}
