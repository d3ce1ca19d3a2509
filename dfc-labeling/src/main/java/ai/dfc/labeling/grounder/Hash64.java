package ai.dfc.labeling.grounder;

import java.nio.charset.StandardCharsets;

/**
 * A small, fixed 64-bit hash for seeding per-query random generators: values are folded in with the SplitMix64
 * finalizer, byte sequences with FNV-1a first. Its exact definition is part of the simulated grounder's
 * reproducibility (the same query gives the same boxes in every version), so it is written out here rather than
 * borrowed from {@code hashCode()}s that may change. Not cryptographic. Mutable; one instance per computation.
 */
final class Hash64 {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long state;

    private Hash64(long state) {
        this.state = state;
    }

    /** A hash started from {@code seed}. */
    static Hash64 start(long seed) {
        return new Hash64(mix(seed ^ FNV_OFFSET));
    }

    /** Folds in one value. */
    Hash64 add(long value) {
        state = mix(Long.rotateLeft(state, 23) ^ mix(value + GOLDEN));
        return this;
    }

    /** Folds in a string's length and UTF-8 bytes. */
    Hash64 add(String value) {
        return add(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Folds in an array's length and its FNV-1a hash. */
    Hash64 add(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * FNV_PRIME;
        }
        return add(bytes.length).add(h);
    }

    /** The hash of everything folded in so far. */
    long value() {
        return state;
    }

    /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
