package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.Configuration;
import conformance.Launch;
import conformance.config.Settings;
import conformance.contract.Contract;
import conformance.exchange.Exchange;
import conformance.generation.Intent;
import conformance.reference.Inbox;
import conformance.reference.ReferenceTarget;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.run.Progress;
import conformance.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The suite gets its contact like a real client, with a correct identifier_hash when the inbox demands one. */
class ProvisioningTest {

    private static ConformanceRun.Result run(ReferenceTarget target, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>();
        s.put("baseUrl", target.baseUrl().toString());
        s.put("inboxIdentifier", target.inboxes().get(2).identifier());
        s.put("tries", "20");
        s.putAll(extra);
        return Configuration.from(Settings.of(s)).run(Progress.SILENT).execute();
    }

    @Test
    void anInboxThatRequiresAnIdentityHashGetsOneWhenTheTokenIsConfigured() {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            assertTrue(target.inboxes().get(2).hmacMandatory());
            ConformanceRun.Result without = run(target, Map.of());
            assertEquals(Verdict.INCONCLUSIVE, without.report().verdict());
            assertTrue(without.report().inconclusiveReason().orElseThrow().contains("conformance.hmacToken"),
                    without.report().inconclusiveReason().orElseThrow());
            ConformanceRun.Result with = run(target, Map.of("hmacToken", target.inboxes().get(2).hmacToken()));
            assertEquals(Verdict.CONFORMANT, with.report().verdict(), with.report().headline());
        }
    }

    /** Contact creations by inbox path, each with whether it carried an identifier_hash. */
    private static Variant recordingHashes(Map<String, List<Boolean>> hashes) {
        return (call, reply) -> {
            if (call.method().equals("POST") && call.path().endsWith("/contacts")) {
                hashes.computeIfAbsent(call.path(), k -> new ArrayList<>())
                        .add(call.payload().map(p -> p.has("identifier_hash")).orElse(false));
            }
            return reply;
        };
    }

    @Test
    void theOtherInboxGetsNoHashMadeWithTheFirstInboxsToken() {
        Map<String, List<Boolean>> hashes = new ConcurrentHashMap<>();
        try (ReferenceTarget target = ReferenceTarget.start(recordingHashes(hashes))) {
            Inbox hmac = target.inboxes().get(2);
            Inbox other = target.inboxes().get(0);
            ConformanceRun.Result r = run(target, Map.of("hmacToken", hmac.hmacToken(), "otherInboxIdentifier", other.identifier()));
            assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
            List<Boolean> sent = hashes.get(contacts(hmac));
            assertTrue(sent.get(0), "the run's contact, created first, has its hash");
            assertTrue(sent.stream().filter(h -> h).count() > 20, "so has every valid create-a-contact case: " + sent);
            assertEquals(List.of(false), hashes.get(contacts(other)), "no token for that inbox, so no hash");
        }
    }

    @Test
    void theOtherInboxGetsAHashMadeWithItsOwnToken() {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            Inbox plain = target.inboxes().get(0);
            Inbox hmac = target.inboxes().get(2);
            Map<String, String> s = Map.of("inboxIdentifier", plain.identifier(), "otherInboxIdentifier", hmac.identifier());
            ConformanceRun.Result without = run(target, s);
            assertEquals(Verdict.INCONCLUSIVE, without.report().verdict());
            assertTrue(without.report().inconclusiveReason().orElseThrow().contains("conformance.otherInboxHmacToken"),
                    without.report().inconclusiveReason().orElseThrow());
            Map<String, String> with = new HashMap<>(s);
            with.put("otherInboxHmacToken", hmac.hmacToken());
            ConformanceRun.Result r = run(target, with);
            assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
        }
    }

    private static String contacts(Inbox inbox) {
        return "/public/api/v1/inboxes/" + inbox.identifier() + "/contacts";
    }

    @Test
    void aConfiguredContactIsUsedAsIs() {
        try (ReferenceTarget target = ReferenceTarget.start()) {
            String inbox = target.inboxes().get(0).identifier();
            String contact = target.addContact(target.inboxes().get(0), false);
            Map<String, String> s = Targets.settingsFor(target);
            s.put("contactIdentifier", contact);
            List<Exchange> seen = new CopyOnWriteArrayList<>();
            ConformanceRun.Result r = Configuration.from(Settings.of(s)).run(Progress.SILENT,
                    (exchange, redactor) -> seen.add(exchange)).execute();
            assertEquals(Verdict.CONFORMANT, r.report().verdict(), r.report().headline());
            // the second inbox still gets a contact of its own (for cross_inbox_isolation); the configured one's does not
            assertTrue(seen.stream().noneMatch(e -> e.kase().intent() == Intent.FIXTURE && e.operation().id().equals(Contract.CREATE_CONTACT)
                    && inbox.equals(e.kase().pathParameters().get("inbox_identifier"))), "a contact was created on " + inbox);
            // the cases use it; a sequence's steps use the contact that sequence created
            List<Exchange> positive = seen.stream().filter(e -> e.kase().intent() == Intent.POSITIVE && e.chain().isEmpty()
                    && e.operation().pathTemplate().contains("{contact_identifier}")).toList();
            assertFalse(positive.isEmpty());
            assertTrue(positive.stream().allMatch(e -> e.request().url().contains("/inboxes/" + inbox + "/contacts/" + contact)),
                    positive.get(0).request().url());
        }
    }
}
