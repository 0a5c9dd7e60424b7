package conformance.bench;

import conformance.Configuration;
import conformance.Launch;
import conformance.config.Settings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A suite run as users start it ({@link Launch}, settings from system properties), in a JVM of its own started by
 * {@link ScalingBenchmark}, that ends by printing what it cost as one line of {@link Figures}: wall time, requests,
 * peak heap, and the live heap (what is left after a full collection) sampled every {@link #SAMPLE_EVERY} during
 * the run, which shows whether what a run keeps grows with its cases.
 */
public final class MeasuredLaunch {
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    private static final String PREFIX = "[measured]";

    private MeasuredLaunch() {
    }

    /**
     * @param peakHeapBytes the heap pools' peak usage added up (garbage included: an upper bound of the heap's peak)
     * @param liveBytes     the live heap after a full collection: at the first sample, at the last, and the most of any
     */
    record Figures(long wallMs, long requests, long peakHeapBytes, long firstLiveBytes, long lastLiveBytes,
                   long maxLiveBytes, int liveSamples, String verdict) {

        String line() {
            return PREFIX + " wallMs=" + wallMs + " requests=" + requests + " peakHeapBytes=" + peakHeapBytes
                    + " firstLiveBytes=" + firstLiveBytes + " lastLiveBytes=" + lastLiveBytes + " maxLiveBytes="
                    + maxLiveBytes + " liveSamples=" + liveSamples + " verdict=" + verdict;
        }

        /** The figures a forked run printed, from its console. */
        static Figures parse(String console) {
            String line = console.lines().filter(l -> l.startsWith(PREFIX)).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("the run printed no figures: " + console));
            Map<String, String> v = Arrays.stream(line.substring(PREFIX.length()).trim().split(" "))
                    .map(kv -> kv.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
            return new Figures(Long.parseLong(v.get("wallMs")), Long.parseLong(v.get("requests")),
                    Long.parseLong(v.get("peakHeapBytes")), Long.parseLong(v.get("firstLiveBytes")),
                    Long.parseLong(v.get("lastLiveBytes")), Long.parseLong(v.get("maxLiveBytes")),
                    Integer.parseInt(v.get("liveSamples")), v.get("verdict"));
        }
    }

    /** Forces a full collection now and then and records what survives it; a daemon, stopped when the run ends. */
    private static final class LiveHeap extends Thread {
        private volatile boolean running = true;
        private long first = -1;
        private long last;
        private long max;
        private int samples;

        LiveHeap() {
            super("live-heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                System.gc();
                long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                synchronized (this) {
                    first = first < 0 ? live : first;
                    last = live;
                    max = Math.max(max, live);
                    samples++;
                }
            }
        }

        synchronized Figures stop(long wallMs, long requests, String verdict) {
            running = false;
            interrupt();
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
            return new Figures(wallMs, requests, peak, Math.max(first, 0), last, max, samples, verdict);
        }
    }

    public static void main(String[] args) {
        LiveHeap sampler = new LiveHeap();
        sampler.start();
        long start = System.nanoTime();
        Launch.Outcome outcome = Launch.run(Settings.fromSystem(Configuration.knownSettings()), System.out);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Figures figures = sampler.stop(wallMs, outcome.result().map(r -> r.report().requests()).orElse(0L),
                outcome.result().map(r -> r.report().verdict().name()).orElse("CONFIGURATION_ERROR"));
        System.out.println(figures.line());
        System.exit(outcome.result().isPresent() ? 0 : 2);
    }
}
