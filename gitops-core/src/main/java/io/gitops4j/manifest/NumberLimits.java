package io.gitops4j.manifest;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The numbers a manifest may hold: what Kubernetes can store. Its readers keep numbers as int64 or float64, so a
 * number beyond the float64 range (or so small that it would silently become 0) is rejected rather than carried as
 * an exact decimal no Kubernetes API server would accept; and, as Jackson's JSON reader does, a number written with
 * more than {@value #MAX_LENGTH} characters is rejected before it is converted (converting one is quadratic).
 * Messages never show the value: it may belong to a Secret.
 */
final class NumberLimits {
    /** The longest number accepted, in characters (Jackson's default {@code maxNumberLength}). */
    static final int MAX_LENGTH = 1000;

    private NumberLimits() {
    }

    /** Throws when {@code text}, a number about to be converted, is too long to convert in bounded time. */
    static void checkLength(String text, int line) {
        checkLength(text.length(), line);
    }

    /** Throws when a number of {@code length} characters is too long to convert in bounded time. */
    static void checkLength(int length, int line) {
        if (length > MAX_LENGTH) {
            throw new DocumentProblem("a number of " + length + " characters, over the limit of " + MAX_LENGTH
                    + "; quote it if it is meant as text", line);
        }
    }

    /** Returns {@code value} when a float64 can hold it, else throws naming the line. */
    static BigDecimal checkRange(BigDecimal value, int line) {
        double approximation = value.doubleValue();
        if (Double.isInfinite(approximation)) {
            throw outOfRange(line);
        }
        if (approximation == 0 && value.signum() != 0) {
            throw new DocumentProblem("a number too small for a float64 (Kubernetes would read it as 0); write 0, "
                    + "or quote it if it is meant as text", line);
        }
        return value;
    }

    /** Returns {@code value} when a float64 can hold its magnitude, else throws naming the line. */
    static BigInteger checkRange(BigInteger value, int line) {
        if (value.bitLength() > 1023 && Double.isInfinite(value.doubleValue())) {
            throw outOfRange(line);
        }
        return value;
    }

    /** The problem of a number whose exponent is too large even to be parsed. */
    static DocumentProblem outOfRange(int line) {
        return new DocumentProblem("a number outside the range of a float64, the widest number Kubernetes stores; "
                + "quote it if it is meant as text", line);
    }
}
