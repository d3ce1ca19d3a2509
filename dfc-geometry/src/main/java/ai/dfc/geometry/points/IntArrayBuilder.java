package ai.dfc.geometry.points;

import java.util.Arrays;

/** A growable int array (append, pop, copy out); avoids boxing in hot loops. Not thread-safe. */
final class IntArrayBuilder {
    private int[] values;
    private int size;

    IntArrayBuilder(int initialCapacity) {
        values = new int[Math.max(4, initialCapacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int pop() {
        return values[--size];
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
