package ai.dfc.geometry.align;

import java.util.Arrays;

/**
 * A warm start for the dense augmentation that finds near-optimal prices cheaply by solving sparse problems:
 * <ol>
 *   <li>Each real row keeps its {@value #CANDIDATES_PER_ROW} cheapest columns as candidate edges (one pass over all
 *       costs, which also checks that they are finite).</li>
 *   <li>Every row is assigned by a shortest augmenting path over candidate edges only (Dijkstra with a heap, O(k)
 *       per visited row instead of O(m)). When no free column can be reached, each row of the explored component
 *       gets edges to its cheapest columns outside the component and the search is retried.</li>
 *   <li>Pricing: one dense pass checks every assigned row against all columns; a row that has a column cheaper, at
 *       current prices, than its own is freed and gets edges to its most violating columns. The freed rows are
 *       re-assigned sparsely and the pass repeated, until few rows violate or {@value #MAX_PRICING_ROUNDS} passes
 *       are spent.</li>
 * </ol>
 * After the last pass every assigned row holds a column of smallest reduced cost over the whole row, which is
 * exactly the invariant {@link DenseAugmentingPath} needs, so the sparse phases only affect speed, never the
 * optimality of the final result. Padding rows are left free. On Euclidean 10,000-point problems this leaves a few
 * hundred rows for the dense phase instead of thousands. Not thread-safe.
 */
final class CandidateGraphInitialisation {
    /** Candidate edges per row; 16–32 worked about equally well on 10,000-point Euclidean problems. */
    static final int CANDIDATES_PER_ROW = 24;
    /** Edges added per freed or expanded row. */
    private static final int EDGES_PER_REPAIR = 8;
    /** Failed sparse searches of one row retried after expanding its component. */
    private static final int EXPANSIONS_PER_SEARCH = 4;
    private static final int MAX_PRICING_ROUNDS = 16;
    /** Pricing stops once at most {@code n / STOP_DIVISOR} rows violate: the dense phase is cheaper from there. */
    private static final int STOP_DIVISOR = 50;

    private final AssignmentWorkspace w;
    private final int n;
    private final int m;
    private final int candidatesPerRow;
    private final CandidateGraph graph;
    private final double[] row;
    private final SmallestValues best;
    /** Cost of each real row's assigned edge. */
    private final double[] assignedCost;
    private final DistanceHeap heap;
    private final double[] distance;
    private final int[] predecessor;
    private final double[] predecessorCost;
    /** Per-search marks: a column is reached / settled in the current search if its entry equals {@link #stamp}. */
    private final int[] reached;
    private final int[] settled;
    private final int[] settledOrder;
    private int settledCount;
    private int stamp;

    private CandidateGraphInitialisation(AssignmentWorkspace workspace, int candidatesPerRow) {
        w = workspace;
        n = workspace.rows;
        m = workspace.columns;
        this.candidatesPerRow = Math.min(candidatesPerRow, m);
        graph = new CandidateGraph(n, this.candidatesPerRow);
        row = new double[m];
        best = new SmallestValues(EDGES_PER_REPAIR);
        assignedCost = new double[n];
        heap = new DistanceHeap(4 * this.candidatesPerRow);
        distance = new double[m];
        predecessor = new int[m];
        predecessorCost = new double[m];
        reached = new int[m];
        settled = new int[m];
        settledOrder = new int[m];
    }

    /**
     * Runs the warm start on an empty workspace with zero prices.
     *
     * @param candidatesPerRow candidate edges per row, ≥ 1 ({@link #CANDIDATES_PER_ROW} normally; tests use fewer to
     *                         drive small problems through every phase)
     * @return the rows left free, real rows first, then all padding rows
     */
    static int[] run(AssignmentWorkspace workspace, int candidatesPerRow) {
        return new CandidateGraphInitialisation(workspace, candidatesPerRow).run();
    }

    private int[] run() {
        selectCandidates();
        for (int i = 0; i < n; i++) {
            searchWithExpansion(i);
        }
        int[] free = new int[m];
        int freeCount;
        for (int round = 1; ; round++) {
            freeCount = 0;
            int violators = 0;
            for (int i = 0; i < n; i++) {
                if (w.rowToColumn[i] < 0) {
                    free[freeCount++] = i;
                } else if (freeIfViolating(i)) {
                    free[freeCount++] = i;
                    violators++;
                }
            }
            if (violators <= n / STOP_DIVISOR || round == MAX_PRICING_ROUNDS) {
                break;
            }
            for (int k = 0; k < freeCount; k++) {
                searchWithExpansion(free[k]);
            }
        }
        for (int i = n; i < m; i++) {
            free[freeCount++] = i;
        }
        return Arrays.copyOf(free, freeCount);
    }

    private void selectCandidates() {
        SmallestValues cheapest = new SmallestValues(candidatesPerRow);
        for (int i = 0; i < n; i++) {
            w.rowCosts(i, row);
            w.checkFinite(i, row);
            cheapest.clear();
            // Each row starts its scan at a different column so that equal costs do not send every row to the same
            // few columns.
            int offset = (int) ((long) i * m / n);
            for (int j = offset; j < m; j++) {
                cheapest.offer(row[j], j);
            }
            for (int j = 0; j < offset; j++) {
                cheapest.offer(row[j], j);
            }
            graph.setBlock(i, cheapest);
        }
    }

    /**
     * Dense check of assigned row {@code i}: if some column has a smaller reduced cost than its own, frees the row
     * and gives it edges to its {@value #EDGES_PER_REPAIR} most violating columns.
     */
    private boolean freeIfViolating(int i) {
        double[] v = w.price;
        int own = w.rowToColumn[i];
        w.rowCosts(i, row);
        double limit = row[own] - v[own];
        best.clear();
        for (int j = 0; j < m; j++) {
            double r = row[j] - v[j];
            if (r < limit) {
                best.offer(r, j);
            }
        }
        int count = best.size();
        if (count == 0) {
            return false;
        }
        for (int e = 0; e < count; e++) {
            graph.addEdge(i, best.index(e), row[best.index(e)]);
        }
        w.unassign(i);
        return true;
    }

    private void searchWithExpansion(int start) {
        for (int attempt = 0; !search(start) && attempt < EXPANSIONS_PER_SEARCH; attempt++) {
            expandComponent(start);
        }
    }

    /**
     * Gives every row of the component the last failed search explored (its start row and the owners of its
     * settled columns) edges to its cheapest columns outside the component.
     */
    private void expandComponent(int start) {
        double[] v = w.price;
        for (int k = -1; k < settledCount; k++) {
            int i = k < 0 ? start : w.columnToRow[settledOrder[k]];
            w.rowCosts(i, row);
            best.clear();
            for (int j = 0; j < m; j++) {
                if (settled[j] != stamp) {
                    best.offer(row[j] - v[j], j);
                }
            }
            for (int e = 0; e < best.size(); e++) {
                graph.addEdge(i, best.index(e), row[best.index(e)]);
            }
        }
    }

    /**
     * A shortest augmenting path from free row {@code start} over candidate edges. On success updates the prices
     * of the settled columns as in {@link DenseAugmentingPath} and augments; on failure (no free column reachable)
     * changes nothing and leaves the explored columns marked settled.
     */
    private boolean search(int start) {
        double[] v = w.price;
        stamp++;
        heap.clear();
        settledCount = 0;
        relaxEdges(start, 0);
        int end = -1;
        while (!heap.isEmpty()) {
            int j = heap.pop();
            double dj = heap.lastKey();
            if (settled[j] == stamp || dj > distance[j]) {
                continue;
            }
            settled[j] = stamp;
            int i = w.columnToRow[j];
            if (i < 0) {
                end = j;
                break;
            }
            settledOrder[settledCount++] = j;
            relaxEdges(i, assignedCost[i] - v[j] - dj);
        }
        if (end < 0) {
            return false;
        }
        double dEnd = distance[end];
        for (int k = 0; k < settledCount; k++) {
            int j = settledOrder[k];
            v[j] += distance[j] - dEnd;
        }
        int j = end;
        int i;
        do {
            i = predecessor[j];
            int next = w.rowToColumn[i];
            w.assign(i, j);
            assignedCost[i] = predecessorCost[j];
            j = next;
        } while (i != start);
        return true;
    }

    /** Relaxes the edges of row {@code i}, whose reduced costs are offset by {@code h} (its dual minus distance). */
    private void relaxEdges(int i, double h) {
        for (int e = graph.blockStart(i), end = graph.blockEnd(i); e < end; e++) {
            relax(i, graph.blockColumn(e), graph.blockCost(e), h);
        }
        for (int e = graph.extraFirst(i); e >= 0; e = graph.extraNext(e)) {
            relax(i, graph.extraColumn(e), graph.extraCost(e), h);
        }
    }

    private void relax(int i, int j, double cost, double h) {
        if (settled[j] == stamp) {
            return;
        }
        double dj = cost - w.price[j] - h;
        if (reached[j] != stamp || dj < distance[j]) {
            reached[j] = stamp;
            distance[j] = dj;
            predecessor[j] = i;
            predecessorCost[j] = cost;
            heap.push(dj, j);
        }
    }
}
