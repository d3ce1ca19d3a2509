package ai.dfc.geometry.align;

import java.util.Arrays;

/**
 * A binary min-heap of (distance, column) pairs for Dijkstra with lazy deletion: a column may be pushed again with
 * a smaller distance and stale entries are skipped by the caller. Primitive arrays; grows by doubling, so pushes
 * allocate only when a search needs more room than any before it. Not thread-safe.
 */
final class DistanceHeap {
    private double[] keys;
    private int[] columns;
    private int size;
    private double lastKey;

    DistanceHeap(int initialCapacity) {
        keys = new double[Math.max(16, initialCapacity)];
        columns = new int[keys.length];
    }

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(double key, int column) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, 2 * size);
            columns = Arrays.copyOf(columns, 2 * size);
        }
        int p = size++;
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[p] = keys[parent];
            columns[p] = columns[parent];
            p = parent;
        }
        keys[p] = key;
        columns[p] = column;
    }

    /** Removes the entry with the smallest distance and returns its column; {@link #lastKey()} is its distance. */
    int pop() {
        int top = columns[0];
        lastKey = keys[0];
        double key = keys[--size];
        int column = columns[size];
        int p = 0;
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (key <= keys[child]) {
                break;
            }
            keys[p] = keys[child];
            columns[p] = columns[child];
            p = child;
        }
        keys[p] = key;
        columns[p] = column;
        return top;
    }

    /** The distance of the entry last returned by {@link #pop()}. */
    double lastKey() {
        return lastKey;
    }
}
