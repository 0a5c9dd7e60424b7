package conformance.bench;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Wall time of the work it is given, added up, and the CPU this whole JVM used meanwhile (client, embedded target,
 * GC, JIT) as a share of all cores: near 100% means the machine, not the sender, sets the pace.
 */
final class Meter {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long wallNanos;
    private long cpuNanos;

    <T> T time(Supplier<T> work) {
        long wall = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        try {
            return work.get();
        } finally {
            cpuNanos += OS.getProcessCpuTime() - cpu;
            wallNanos += System.nanoTime() - wall;
        }
    }

    void time(Runnable work) {
        time(() -> {
            work.run();
            return null;
        });
    }

    double seconds() {
        return wallNanos / 1e9;
    }

    /** CPU this JVM used during the work, all its threads (the embedded target's too). */
    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    double cpuShare() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos / Runtime.getRuntime().availableProcessors();
    }
}
