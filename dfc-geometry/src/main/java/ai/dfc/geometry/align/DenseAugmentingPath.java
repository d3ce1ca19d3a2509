package ai.dfc.geometry.align;

/**
 * The augmentation step of Jonker–Volgenant: assigns one free row by a shortest augmenting path over reduced
 * costs {@code cost(i, j) − price[j]}, searched Dijkstra-style with a dense O(m) scan of each visited row, then
 * lowers the prices of the visited columns so that all reduced costs stay non-negative and the new path is tight.
 *
 * <p>Precondition (kept as an invariant): every assigned row's column has the smallest reduced cost of its row.
 * Working arrays are allocated once and reused for every path; one search costs O(m) per visited row plus one
 * {@link AssignmentCosts#costRow} call per visited row. Not thread-safe.
 */
final class DenseAugmentingPath {
    private final AssignmentWorkspace w;
    private final double[] row;
    private final double[] distance;
    private final int[] predecessor;
    /** Columns in three consecutive groups: done {@code [0, low)}, at the minimum {@code [low, up)}, unreached. */
    private final int[] order;

    DenseAugmentingPath(AssignmentWorkspace workspace) {
        w = workspace;
        int m = w.columns;
        row = new double[m];
        distance = new double[m];
        predecessor = new int[m];
        order = new int[m];
    }

    /** Assigns the free row {@code start} (a real or a padding row), moving other rows along the path. */
    void augment(int start) {
        final int m = w.columns;
        final double[] v = w.price;
        final int[] owner = w.columnToRow;
        final double[] d = distance;
        final double[] c = row;
        final int[] pred = predecessor;
        final int[] ord = order;
        w.rowCosts(start, c);
        for (int j = 0; j < m; j++) {
            d[j] = c[j] - v[j];
            pred[j] = start;
            ord[j] = j;
        }
        int low = 0;
        int up = 0;
        int end = -1;
        double min = 0;
        while (end < 0) {
            if (up == low) {
                // Move every unreached column at the smallest distance to the "at the minimum" group.
                min = d[ord[up++]];
                for (int k = up; k < m; k++) {
                    int j = ord[k];
                    double h = d[j];
                    if (h <= min) {
                        if (h < min) {
                            up = low;
                            min = h;
                        }
                        ord[k] = ord[up];
                        ord[up++] = j;
                    }
                }
                for (int k = low; k < up; k++) {
                    if (owner[ord[k]] < 0) {
                        end = ord[k];
                        break;
                    }
                }
                if (end >= 0) {
                    break;
                }
            }
            int j1 = ord[low++];
            int i = owner[j1];
            w.rowCosts(i, c);
            double h = c[j1] - v[j1] - min;
            for (int k = up; k < m; k++) {
                int j = ord[k];
                double dj = c[j] - v[j] - h;
                if (dj < d[j]) {
                    pred[j] = i;
                    d[j] = dj;
                    // "<=" rather than "==": a distance rounded below the minimum is treated as on it.
                    if (dj <= min) {
                        if (owner[j] < 0) {
                            end = j;
                            break;
                        }
                        ord[k] = ord[up];
                        ord[up++] = j;
                    }
                }
            }
        }
        for (int k = 0; k < low; k++) {
            int j = ord[k];
            v[j] += d[j] - min;
        }
        int j = end;
        int i;
        do {
            i = pred[j];
            int next = w.rowToColumn[i];
            w.assign(i, j);
            j = next;
        } while (i != start);
    }
}
