package conformance.checks;

import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.contract.Operation;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** Steps of a sequence built in memory for the stateful checks' tests, on the operations of the shipped document. */
final class Chains {
    private static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);

    private Chains() {
    }

    static Operation op(String id) {
        return CONTRACT.operation(id);
    }

    /** A positive case to {@code operation} at contact {@code contact}, conversation 7, message 9 where its path has them. */
    static AnExchange call(String operation, String contact) {
        return AnExchange.positive().to(op(operation)).pathParameter("contact_identifier", contact)
                .pathParameter("conversation_id", "7").pathParameter("message_id", "9");
    }

    /** {@code e} as the step after {@code earlier}, following a link from step {@code from} that took {@code fromAnswer}. */
    static Exchange step(Exchange e, List<Exchange> earlier, int from, String... fromAnswer) {
        return e.in(new Chain("test sequence", earlier, OptionalInt.of(from), Set.of(fromAnswer)));
    }

    /** {@code e} as a step after {@code earlier} whose values came from no single earlier step. */
    static Exchange after(Exchange e, List<Exchange> earlier) {
        return e.in(new Chain("test sequence", earlier, OptionalInt.empty(), Set.of()));
    }
}
