package conformance.generation;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded randomness. Every case draws from its own stream derived from (run seed, case index), so any case can be
 * regenerated alone and the same seed always gives the same bytes.
 */
public final class Rng {
    private final SplittableRandom random;

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    public static Rng forCase(long seed, long index) {
        return new Rng(new SplittableRandom(mix(seed) ^ mix(index + 0x9E3779B97F4A7C15L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public int between(int lowInclusive, int highInclusive) {
        return highInclusive <= lowInclusive ? lowInclusive : random.nextInt(lowInclusive, highInclusive + 1);
    }

    public long between(long lowInclusive, long highInclusive) {
        if (highInclusive <= lowInclusive) {
            return lowInclusive;
        }
        if (highInclusive == Long.MAX_VALUE) {
            return lowInclusive + (random.nextLong() & Long.MAX_VALUE) % (highInclusive - lowInclusive);
        }
        return random.nextLong(lowInclusive, highInclusive + 1);
    }

    public double unit() {
        return random.nextDouble();
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
