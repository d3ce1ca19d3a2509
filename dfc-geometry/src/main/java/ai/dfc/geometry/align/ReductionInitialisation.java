package ai.dfc.geometry.align;

import java.util.Arrays;

/**
 * Jonker–Volgenant's initialisation: for square problems column reduction (each column priced at its smallest
 * cost and given to that row) and reduction transfer, then two passes of augmenting row reduction; for
 * rectangular problems only the row reduction passes, from zero prices, so that columns left unassigned keep the
 * highest price (0) as the rectangular optimality conditions require. Padding rows are not used. Reads every
 * cost at least once (O(n·m)) and checks that all are finite. Not thread-safe.
 */
final class ReductionInitialisation {
    /** Row visits allowed per row in one row-reduction pass: prices can creep down in tiny steps on some inputs. */
    private static final int VISITS_PER_ROW = 8;

    private final AssignmentWorkspace w;
    private final double[] row;

    private ReductionInitialisation(AssignmentWorkspace workspace) {
        w = workspace;
        row = new double[workspace.columns];
    }

    /**
     * Runs the initialisation on an empty workspace with zero prices.
     *
     * @return the real rows left free, to be assigned by {@link DenseAugmentingPath}
     */
    static int[] run(AssignmentWorkspace workspace) {
        return new ReductionInitialisation(workspace).run();
    }

    private int[] run() {
        int n = w.rows;
        int[] free;
        if (n == w.columns) {
            free = reduceColumns();
        } else {
            for (int i = 0; i < n; i++) {
                w.rowCosts(i, row);
                w.checkFinite(i, row);
            }
            free = new int[n];
            for (int i = 0; i < n; i++) {
                free[i] = i;
            }
        }
        for (int pass = 0; pass < 2 && free.length > 0; pass++) {
            free = reduceRows(free);
        }
        return free;
    }

    /** Column reduction and reduction transfer; returns the rows that won no column. */
    private int[] reduceColumns() {
        int n = w.rows;
        int m = w.columns;
        double[] v = w.price;
        int[] bestRow = new int[m];
        Arrays.fill(v, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            w.rowCosts(i, row);
            w.checkFinite(i, row);
            for (int j = 0; j < m; j++) {
                if (row[j] < v[j]) {
                    v[j] = row[j];
                    bestRow[j] = i;
                }
            }
        }
        int[] wins = new int[n];
        for (int j = m - 1; j >= 0; j--) {
            int i = bestRow[j];
            if (++wins[i] == 1) {
                w.assign(i, j);
            } else if (v[j] < v[w.rowToColumn[i]]) {
                // Keep the cheaper of the row's winning columns; the other stays free.
                w.columnToRow[w.rowToColumn[i]] = -1;
                w.assign(i, j);
            }
        }
        int[] free = new int[n];
        int freeCount = 0;
        for (int i = 0; i < n; i++) {
            if (wins[i] == 0) {
                free[freeCount++] = i;
            } else if (wins[i] == 1) {
                // Reduction transfer: make the row's own column as dear as its second choice.
                int j1 = w.rowToColumn[i];
                w.rowCosts(i, row);
                double slack = Double.POSITIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    if (j != j1) {
                        slack = Math.min(slack, row[j] - v[j]);
                    }
                }
                if (slack < Double.POSITIVE_INFINITY) {
                    v[j1] -= slack;
                }
            }
        }
        return Arrays.copyOf(free, freeCount);
    }

    /**
     * One pass of augmenting row reduction: each free row takes its cheapest column at current prices, lowering that
     * column's price until the row is indifferent between it and its second choice; a row displaced by a price drop
     * is retried at once, one displaced on an exact tie waits for the next pass.
     *
     * @return the rows still free after the pass
     */
    private int[] reduceRows(int[] queue) {
        int m = w.columns;
        double[] v = w.price;
        int pending = queue.length;
        int[] free = new int[w.rows];
        int freeCount = 0;
        long visitsLeft = (long) VISITS_PER_ROW * w.rows;
        int k = 0;
        while (k < pending) {
            if (visitsLeft-- == 0) {
                // The augmentation phase assigns whatever this pass did not.
                while (k < pending) {
                    free[freeCount++] = queue[k++];
                }
                break;
            }
            int i = queue[k++];
            w.rowCosts(i, row);
            double first = row[0] - v[0];
            int firstColumn = 0;
            double second = Double.POSITIVE_INFINITY;
            int secondColumn = -1;
            for (int j = 1; j < m; j++) {
                double h = row[j] - v[j];
                if (h < second) {
                    if (h >= first) {
                        second = h;
                        secondColumn = j;
                    } else {
                        second = first;
                        secondColumn = firstColumn;
                        first = h;
                        firstColumn = j;
                    }
                }
            }
            int target = firstColumn;
            int displaced = w.columnToRow[target];
            double lowered = v[target] - (second - first);
            // A drop lost to rounding is no drop: then the displaced row waits, so the loop always progresses.
            boolean priceFell = second > first && second < Double.POSITIVE_INFINITY && lowered < v[target];
            if (priceFell) {
                v[target] = lowered;
            } else if (second == first && displaced >= 0) {
                // Exact tie: take the equally cheap second column instead of evicting a row for nothing.
                target = secondColumn;
                displaced = w.columnToRow[target];
            }
            if (displaced >= 0) {
                w.rowToColumn[displaced] = -1;
            }
            w.assign(i, target);
            if (displaced >= 0) {
                if (priceFell) {
                    queue[--k] = displaced;
                } else {
                    free[freeCount++] = displaced;
                }
            }
        }
        return Arrays.copyOf(free, freeCount);
    }
}
