package conformance.reference;

/**
 * How a target differs from the reference: given a call and the reference's reply, the reply to send instead.
 * Faulty variants break one rule; conforming variants change only what the document leaves open.
 */
@FunctionalInterface
public interface Variant {
    Variant CONFORMING = (call, reply) -> reply;

    Reply answer(Call call, Reply reference);
}
