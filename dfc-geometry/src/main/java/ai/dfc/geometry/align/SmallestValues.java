package ai.dfc.geometry.align;

/**
 * Keeps the {@code capacity} smallest of a stream of (value, index) pairs in ascending order, by insertion; the
 * first offered wins among equal values. O(1) per offer that does not make the cut, which is nearly all of them.
 * Reused by {@link #clear()}; not thread-safe.
 */
final class SmallestValues {
    private final double[] values;
    private final int[] indices;
    private int size;

    SmallestValues(int capacity) {
        values = new double[capacity];
        indices = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The {@code k}-th smallest value kept, {@code k < size()}. */
    double value(int k) {
        return values[k];
    }

    /** The index offered with the {@code k}-th smallest value. */
    int index(int k) {
        return indices[k];
    }

    /** The largest value kept if full, otherwise +∞: offers not below it are ignored. */
    double cutoff() {
        return size == values.length ? values[size - 1] : Double.POSITIVE_INFINITY;
    }

    void offer(double value, int index) {
        if (value >= cutoff()) {
            return;
        }
        int p = size < values.length ? size++ : size - 1;
        while (p > 0 && values[p - 1] > value) {
            values[p] = values[p - 1];
            indices[p] = indices[p - 1];
            p--;
        }
        values[p] = value;
        indices[p] = index;
    }
}
