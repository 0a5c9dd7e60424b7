package conformance.generation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;

/**
 * Numbers a schema accepts: inclusive and exclusive bounds, {@code multipleOf} (fractional too) and exact decimals,
 * biased toward the bounds and the values that overflow real parsers. Exact decimal arithmetic, because a double
 * near a bound or a multiple is exactly the case a validator judges differently.
 */
final class NumberGenerator {
    private static final long WINDOW = 1000;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final Rng rng;
    private final Statistics stats;

    NumberGenerator(Rng rng, Statistics stats) {
        this.rng = rng;
        this.stats = stats;
    }

    /** One end of a range; {@code exclusive} when the value itself is outside it. */
    private record Bound(BigDecimal value, boolean exclusive) {
    }

    /** A value of type integer ({@code integral}) or number that {@code schema} accepts. */
    JsonNode generate(JsonNode schema, String position, boolean integral) {
        BigDecimal multipleOf = schema.path("multipleOf").isNumber() && schema.get("multipleOf").decimalValue().signum() > 0
                ? schema.get("multipleOf").decimalValue() : null;
        Bound low = bound(schema, "minimum", "exclusiveMinimum", true);
        Bound high = bound(schema, "maximum", "exclusiveMaximum", false);
        if (integral || multipleOf != null || rng.chance(0.4)) {
            BigDecimal step = multipleOf == null ? BigDecimal.ONE : integral ? integerStep(multipleOf) : multipleOf;
            BigDecimal value = multiple(step, low, high);
            if (value != null) {
                return node(value);
            }
            if (integral || multipleOf != null) {
                throw new GenerationException("no " + (integral ? "integer" : "number") + " fits the bounds"
                        + (multipleOf == null ? "" : " and multipleOf " + multipleOf.toPlainString()) + " at " + position);
            }
        }
        return decimal(low, high, position);
    }

    private static Bound bound(JsonNode schema, String inclusive, String exclusive, boolean lower) {
        Bound in = schema.path(inclusive).isNumber() ? new Bound(schema.get(inclusive).decimalValue(), false) : null;
        Bound ex = schema.path(exclusive).isNumber() ? new Bound(schema.get(exclusive).decimalValue(), true) : null;
        if (in == null || ex == null) {
            return in == null ? ex : in;
        }
        int c = in.value().compareTo(ex.value());
        return c == 0 ? ex : (c > 0) == lower ? in : ex;
    }

    /** {@code step × k} for an integer k within the bounds, or null when there is none. */
    private BigDecimal multiple(BigDecimal step, Bound low, Bound high) {
        BigInteger kLow = low == null ? null : steps(low, step, true);
        BigInteger kHigh = high == null ? null : steps(high, step, false);
        if (kLow != null && kHigh != null && kLow.compareTo(kHigh) > 0) {
            return null;
        }
        int roll = rng.between(0, 9);
        BigInteger k;
        if (roll < 2 && kLow != null) {
            k = kLow;
            stats.edge("number at its lower bound");
        } else if (roll < 4 && kHigh != null) {
            k = kHigh;
            stats.edge("number at its upper bound");
        } else if (roll < 6) {
            k = clamp(new BigDecimal(freeInteger()).divide(step, 0, RoundingMode.FLOOR).toBigInteger(), kLow, kHigh);
        } else {
            BigInteger center = clamp(BigInteger.ZERO, kLow, kHigh);
            BigInteger from = clamp(center.subtract(BigInteger.valueOf(WINDOW)), kLow, kHigh);
            BigInteger to = clamp(center.add(BigInteger.valueOf(WINDOW)), kLow, kHigh);
            k = from.add(BigInteger.valueOf(rng.between(0L, to.subtract(from).longValueExact())));
        }
        return step.multiply(new BigDecimal(k));
    }

    /** The smallest (lower) or largest (upper) k with {@code step × k} inside the bound. */
    private static BigInteger steps(Bound b, BigDecimal step, boolean lower) {
        BigDecimal q = b.value().divide(step, 0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
        boolean onBound = q.multiply(step).compareTo(b.value()) == 0;
        BigInteger k = q.toBigIntegerExact();
        return b.exclusive() && onBound ? (lower ? k.add(BigInteger.ONE) : k.subtract(BigInteger.ONE)) : k;
    }

    private static BigInteger clamp(BigInteger k, BigInteger low, BigInteger high) {
        BigInteger out = low != null && k.compareTo(low) < 0 ? low : k;
        return high != null && out.compareTo(high) > 0 ? high : out;
    }

    /** The smallest positive integer that is a multiple of {@code m}: 2.5 → 5, 0.75 → 3, 4 → 4. */
    private static BigDecimal integerStep(BigDecimal m) {
        if (m.stripTrailingZeros().scale() <= 0) {
            return m;
        }
        BigDecimal stripped = m.stripTrailingZeros();
        BigInteger unscaled = stripped.unscaledValue();
        BigInteger denominator = BigInteger.TEN.pow(stripped.scale());
        return new BigDecimal(unscaled.divide(unscaled.gcd(denominator)));
    }

    /** A number strictly inside the bounds (usually with a fractional part), or an inclusive bound itself. */
    private JsonNode decimal(Bound low, Bound high, String position) {
        if (low == null && high == null) {
            return Json.NODES.numberNode(freeNumber());
        }
        int roll = rng.between(0, 9);
        if (roll < 2 && low != null && !low.exclusive()) {
            stats.edge("number at its lower bound");
            return node(low.value());
        }
        if (roll < 4 && high != null && !high.exclusive()) {
            stats.edge("number at its upper bound");
            return node(high.value());
        }
        BigDecimal fraction = BigDecimal.valueOf(rng.between(1, 999), 3);
        if (low != null && high != null) {
            BigDecimal width = high.value().subtract(low.value());
            if (width.signum() < 0 || (width.signum() == 0 && (low.exclusive() || high.exclusive()))) {
                throw new GenerationException("no number fits the bounds at " + position);
            }
            return node(low.value().add(width.multiply(fraction)));
        }
        BigDecimal offset = fraction.multiply(BigDecimal.valueOf(rng.between(1, 1000)));
        return node(low != null ? low.value().add(offset) : high.value().subtract(offset));
    }

    /** Integral values fit in a long are written as such; others keep their exact decimal form. */
    private static JsonNode node(BigDecimal value) {
        if (value.stripTrailingZeros().scale() <= 0) {
            return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0
                    ? Json.NODES.numberNode(value.longValueExact()) : Json.NODES.numberNode(value.toBigIntegerExact());
        }
        return Json.NODES.numberNode(value);
    }

    /** An integer for a position with no constraint, half the time one that overflows or bounds some parser. */
    long freeInteger() {
        if (rng.chance(0.5)) {
            long v = rng.pick(Edges.INTEGERS);
            stats.edge("integer " + v);
            return v;
        }
        return rng.between(-1000L, 1000L);
    }

    /** A number for a position with no constraint, half the time one of the awkward ones (tiny, huge, -0.0). */
    double freeNumber() {
        if (rng.chance(0.5)) {
            double v = rng.pick(Edges.NUMBERS);
            stats.edge("number " + v);
            return v;
        }
        return (rng.unit() - 0.5) * Math.pow(10, rng.between(-3, 6));
    }
}
