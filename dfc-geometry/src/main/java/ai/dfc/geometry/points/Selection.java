package ai.dfc.geometry.points;

/**
 * In-place selection of index arrays keyed by one coordinate of a 3-D point array (the k-d tree's median
 * split). Quickselect with a median-of-three pivot and a two-sided partition that spreads equal keys over both
 * sides, falling back to heapsort if partitioning makes too little progress, so the worst case stays
 * O(m log m). Keys must not be NaN. Stateless.
 */
final class Selection {
    private Selection() {
    }

    /**
     * Rearranges {@code order[from, to)} so that {@code order[k]} holds the point with the {@code (k − from)}-th
     * smallest coordinate {@code axis}, every point before it has a coordinate {@code <=} and every point after
     * it {@code >=} that value.
     */
    static void select(float[] xyz, int axis, int[] order, int from, int to, int k) {
        // about twice the rounds a good pivot sequence needs; beyond that, stop gambling
        select(xyz, axis, order, from, to, k, 2 * (32 - Integer.numberOfLeadingZeros(to - from)) + 8);
    }

    /** {@link #select} with an explicit number of partition rounds before the heapsort fallback. */
    static void select(float[] xyz, int axis, int[] order, int from, int to, int k, int budget) {
        int lo = from;
        int hi = to - 1;
        while (hi > lo) {
            if (budget-- == 0) {
                heapSort(xyz, axis, order, lo, hi + 1);
                return;
            }
            float pivot = median(key(xyz, axis, order[lo]), key(xyz, axis, order[(lo + hi) >>> 1]),
                    key(xyz, axis, order[hi]));
            int i = lo;
            int j = hi;
            // the pivot value occurs in the range, so both scans stop inside it
            do {
                while (key(xyz, axis, order[i]) < pivot) {
                    i++;
                }
                while (pivot < key(xyz, axis, order[j])) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            } while (i <= j);
            // now [lo, j] <= pivot, [i, hi] >= pivot and anything strictly between equals pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static float key(float[] xyz, int axis, int id) {
        return xyz[3 * id + axis];
    }

    private static float median(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void heapSort(float[] xyz, int axis, int[] order, int from, int to) {
        int n = to - from;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(xyz, axis, order, from, i, n);
        }
        for (int last = n - 1; last > 0; last--) {
            int t = order[from];
            order[from] = order[from + last];
            order[from + last] = t;
            siftDown(xyz, axis, order, from, 0, last);
        }
    }

    private static void siftDown(float[] xyz, int axis, int[] order, int from, int root, int n) {
        while (true) {
            int child = 2 * root + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && key(xyz, axis, order[from + child + 1]) > key(xyz, axis, order[from + child])) {
                child++;
            }
            if (key(xyz, axis, order[from + root]) >= key(xyz, axis, order[from + child])) {
                return;
            }
            int t = order[from + root];
            order[from + root] = order[from + child];
            order[from + child] = t;
            root = child;
        }
    }
}
