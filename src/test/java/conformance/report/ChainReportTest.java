package conformance.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.AnExchange;
import conformance.checks.EnsureResourceAvailability;
import conformance.checks.Finding;
import conformance.config.RunConfig;
import conformance.contract.Contract;
import conformance.contract.ContractLoader;
import conformance.exchange.Chain;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.verdict.CheckResult;
import conformance.verdict.FindingGroup;
import conformance.verdict.Outcome;
import conformance.verdict.Reports;
import conformance.verdict.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A finding on a step of a sequence shows the steps before it, as curl lines with their secrets kept out. */
class ChainReportTest {
    private static final Contract CONTRACT = new ContractLoader().load(RunConfig.DEFAULT_SPEC);

    @Test
    void theCertificateShowsTheChainAsCurlLinesWithoutItsSecrets() {
        Exchange create = AnExchange.positive().to(CONTRACT.operation("create-a-conversation"))
                .pathParameter("contact_identifier", "secret-source").body("{\"id\": 7}").build();
        Exchange fetch = AnExchange.positive().to(CONTRACT.operation("get-single-conversation"))
                .pathParameter("contact_identifier", "secret-source").pathParameter("conversation_id", "7").status(404).build()
                .in(new Chain("create-a-conversation → get-single-conversation", List.of(create), OptionalInt.of(0), Set.of("conversation_id")));
        Finding f = Finding.of(new EnsureResourceAvailability(), fetch, "create-a-conversation created id 7, but fetching it answered 404");
        CheckResult c = new CheckResult(EnsureResourceAvailability.ID, "get-single-conversation", Outcome.FAILED, 1,
                List.of(new FindingGroup(f, 1, Optional.empty())), Optional.empty(), Optional.empty());
        Redactor redactor = new Redactor();
        redactor.addSecret("secret-source");
        String md = Certificate.render(Reports.of(Verdict.NON_CONFORMANT, List.of(c)), redactor);
        int chain = md.indexOf("the steps of create-a-conversation → get-single-conversation before it");
        assertTrue(chain > 0, md);
        assertTrue(md.indexOf("# create-a-conversation → 200\ncurl -sS -i -X POST", chain) > chain, md);
        assertFalse(md.contains("secret-source"), md);
    }
}
