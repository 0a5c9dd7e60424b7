package conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conformance.checks.Finding;
import conformance.contract.Contract;
import conformance.exchange.Exchange;
import conformance.exchange.Redactor;
import conformance.reference.Call;
import conformance.reference.Reply;
import conformance.reference.StatefulFaults;
import conformance.reference.Variant;
import conformance.run.ConformanceRun;
import conformance.verdict.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Workers send whole sequences at once, each one's steps in order; the judging thread judges them in their order, so
 * that a run reports the same with one worker and with four, and the run's one rate limit holds across the cases and
 * the sequences.
 */
class SequenceWorkersTest {
    /** Few cases: the sequences are what is measured. */
    private static final Map<String, String> FEW_CASES = Map.of("tries", "2");

    @Test
    void fourWorkersJudgeWhatOneWorkerJudgesInTheSameOrder() {
        sameWithOneAndFourWorkers(() -> Variant.CONFORMING);
        assertFalse(findings(sameWithOneAndFourWorkers(SequenceWorkersTest::statefulFaults)).isEmpty(), "the faults are caught");
    }

    @Test
    void fourWorkersHaveSeveralSequencesInFlightAtOnce() {
        assertEquals(1, mostInFlight("1"), "one worker: one sequence request at a time");
        assertTrue(mostInFlight("4") > 1, "four workers: several sequences' requests at once");
    }

    @Test
    void theRateLimitHoldsAcrossTheCasesAndTheSequences() {
        int perSecond = 40;
        SequenceCalls sequences = new SequenceCalls();
        List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
        Targets.run((call, reply) -> {
            arrivals.add(new Arrival(System.nanoTime(), sequences.of(call, reply)));
            return reply;
        }, with("workers", "4", "rateLimit", String.valueOf(perSecond)));
        List<Arrival> all = List.copyOf(arrivals);
        assertTrue(all.stream().filter(Arrival::sequence).count() > 20, "the sequences were sent");
        // arrivals at the server jitter a little around the client's spacing: at most one or two more in a second
        assertTrue(busiestSecond(all) <= perSecond + 2, "at most " + perSecond + " requests a second: " + busiestSecond(all));
    }

    @Test
    void aStepAnsweredWithRetryAfterIsSentAgainAndItsSequenceGoesOn() {
        SequenceCalls sequences = new SequenceCalls();
        AtomicBoolean refused = new AtomicBoolean();
        Variant slowDown = (call, reply) -> sequences.of(call, reply) && call.operation().equals(Contract.CREATE_CONVERSATION)
                && refused.compareAndSet(false, true)
                ? Reply.raw(429, "application/json", "{}").withHeader("Retry-After", "1") : reply;
        Trail trail = new Trail();
        ConformanceRun.Result r = Targets.run(slowDown, with("workers", "4"), trail);
        assertTrue(refused.get(), "a step was answered 429");
        Optional<Exchange> honoured = trail.unjudged.stream().filter(e -> e.status() == 429).findFirst();
        assertTrue(honoured.isPresent() && honoured.get().chain().isPresent(), "the 429 to a step was honoured, not judged");
        String sequence = honoured.get().chain().get().sequence();
        int step = honoured.get().chain().get().earlier().size();
        assertTrue(trail.judgedSteps.stream().anyMatch(e -> e.chain().get().sequence().equals(sequence)
                && e.chain().get().earlier().size() == step && e.status() / 100 == 2), "the step was sent again and judged");
        assertTrue(trail.judgedSteps.stream().anyMatch(e -> e.chain().get().sequence().equals(sequence)
                && e.chain().get().earlier().size() > step), "the sequence went on after the retried step");
        assertEquals(Targets.run(Variant.CONFORMING, with("workers", "4")).report().verdict(), r.report().verdict(),
                "an honoured 429 is no finding");
    }

    /** The most sequence requests the target held at once, each for 50 ms, with {@code workers} workers. */
    private static int mostInFlight(String workers) {
        SequenceCalls sequences = new SequenceCalls();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Targets.run((call, reply) -> {
            if (!sequences.of(call, reply)) {
                return reply;
            }
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(Duration.ofMillis(50).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return reply;
        }, with("workers", workers));
        return most.get();
    }

    private static int busiestSecond(List<Arrival> arrivals) {
        List<Long> times = arrivals.stream().map(Arrival::nanos).sorted().toList();
        int most = 0;
        for (int first = 0, last = 0; last < times.size(); last++) {
            while (times.get(last) - times.get(first) >= 1_000_000_000L) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private record Arrival(long nanos, boolean sequence) {
    }

    /**
     * The calls that belong to a sequence: a sequence's create-a-contact (its identifier carries a step's index, a
     * million or more) and every call on a contact one of them created.
     */
    private static final class SequenceCalls {
        private static final Pattern STEP_IDENTIFIER = Pattern.compile("-case-(\\d+)$");
        private final Set<String> contacts = ConcurrentHashMap.newKeySet();

        boolean of(Call call, Reply reply) {
            if (call.operation().equals(Contract.CREATE_CONTACT)) {
                Matcher m = STEP_IDENTIFIER.matcher(call.payload().map(p -> p.path("identifier").asString("")).orElse(""));
                boolean step = m.find() && Long.parseLong(m.group(1)) >= 1_000_000;
                if (step && reply.status() / 100 == 2) {
                    contacts.add(reply.json().path("source_id").asString());
                }
                return step;
            }
            return contacts.stream().anyMatch(c -> call.path().contains("/contacts/" + c));
        }
    }

    /** What the judging thread saw, in order: each judged exchange with its checks' findings, and the steps apart. */
    private static final class Trail implements ConformanceRun.Observer {
        final List<String> judged = new ArrayList<>();
        final List<Exchange> judgedSteps = new ArrayList<>();
        final List<Exchange> unjudged = new ArrayList<>();

        @Override
        public void exchanged(Exchange exchange, Redactor redactor) {
        }

        @Override
        public void judged(Exchange exchange, ConformanceRun.Judged j, Redactor redactor) {
            if (!j.counted()) {
                unjudged.add(exchange);
                return;
            }
            if (exchange.chain().isPresent()) {
                judgedSteps.add(exchange);
            }
            judged.add(exchange.operation().id() + " " + exchange.kase().index() + " " + exchange.kase().label() + " "
                    + exchange.status() + " " + j.checks() + " " + j.findings().stream().map(SequenceWorkersTest::identity).toList());
        }
    }

    /** The run with four workers, after asserting that it reports and judges what the run with one does. */
    private static ConformanceRun.Result sameWithOneAndFourWorkers(Supplier<Variant> variant) {
        Trail one = new Trail();
        Trail four = new Trail();
        ConformanceRun.Result withOne = Targets.run(variant.get(), with("workers", "1"), one);
        ConformanceRun.Result withFour = Targets.run(variant.get(), with("workers", "4"), four);
        assertTrue(one.judgedSteps.size() > 20, "the run sent sequences");
        assertEquals(withOne.report().verdict(), withFour.report().verdict());
        assertEquals(withOne.report().requests(), withFour.report().requests());
        assertEquals(outcomes(withOne), outcomes(withFour));
        assertEquals(findings(withOne), findings(withFour));
        assertEquals(one.judged, four.judged, "every exchange judged in the same order, with the same findings");
        return withFour;
    }

    /** Stateful faults whose answers do not depend on how the sequences interleave at the server; a new one per run. */
    private static Variant statefulFaults() {
        return Corpus.inTurn(List.of(StatefulFaults.resolveToggles(), StatefulFaults.contactUpdateNotStored(),
                StatefulFaults.messageUpdateChangesTheOthers(), StatefulFaults.conversationWithAnotherUuid()));
    }

    private static Map<String, String> with(String... settings) {
        Map<String, String> out = new HashMap<>(FEW_CASES);
        for (int i = 0; i < settings.length; i += 2) {
            out.put(settings[i], settings[i + 1]);
        }
        return out;
    }

    private static List<String> outcomes(ConformanceRun.Result r) {
        return r.report().checks().stream().map(c -> c.checkId() + " " + c.operationId() + " " + c.outcome() + " " + c.requests())
                .toList();
    }

    /** Each finding group's failure, count and first evidence, in report order. */
    private static List<String> findings(ConformanceRun.Result r) {
        return r.report().checks().stream().map(CheckResult::findings).flatMap(List::stream)
                .map(g -> identity(g.first()) + " ×" + g.occurrences() + " first at " + g.first().exchange().kase().label())
                .collect(Collectors.toList());
    }

    /**
     * A finding's check, operation, status, place and message shape: not its message, which quotes what the target
     * assigned (ids, uuids, names made from them), and the target numbers what it creates in the order it is asked.
     */
    private static String identity(Finding f) {
        return f.checkId() + "|" + f.operationId() + "|" + f.status() + "|" + f.pointer().orElse("") + "|" + f.responseSignature();
    }
}
