package conformance.checks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} values a run saw, to tell a repeat. Bounded so that a run of any length keeps flat memory:
 * a server that repeats ids or uuids does so within far fewer creates than this (a constant, a counter reset).
 */
public final class RecentlySeen<T> {
    public static final int CAPACITY = 20_000;

    private final Map<T, Boolean> recent;

    public RecentlySeen(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time a value is seen (within the window), false for a repeat. */
    public boolean firstTime(T value) {
        return recent.put(value, Boolean.TRUE) == null;
    }
}
