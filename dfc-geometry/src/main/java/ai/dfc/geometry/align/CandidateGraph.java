package ai.dfc.geometry.align;

import java.util.Arrays;

/**
 * A sparse subset of the cost matrix: for each row a fixed block of {@code k} candidate (column, cost) edges, plus
 * edges added later, kept per row in a singly linked list over growable primitive arrays. Memory
 * {@code 12·n·k} bytes plus 16 bytes per added edge. Not thread-safe.
 */
final class CandidateGraph {
    private final int k;
    private final int[] blockColumn;
    private final double[] blockCost;
    private final int[] blockSize;
    private final int[] extraHead;
    private int[] extraNext = new int[256];
    private int[] extraColumn = new int[256];
    private double[] extraCost = new double[256];
    private int extraCount;

    CandidateGraph(int rows, int k) {
        this.k = k;
        blockColumn = new int[Math.multiplyExact(rows, k)];
        blockCost = new double[blockColumn.length];
        blockSize = new int[rows];
        extraHead = new int[rows];
        Arrays.fill(extraHead, -1);
    }

    /** Sets row {@code i}'s fixed block to the first {@code count ≤ k} pairs kept by {@code best}. */
    void setBlock(int i, SmallestValues best) {
        int count = best.size();
        for (int e = 0; e < count; e++) {
            blockColumn[i * k + e] = best.index(e);
            blockCost[i * k + e] = best.value(e);
        }
        blockSize[i] = count;
    }

    void addEdge(int i, int column, double cost) {
        if (extraCount == extraColumn.length) {
            int capacity = 2 * extraCount;
            extraNext = Arrays.copyOf(extraNext, capacity);
            extraColumn = Arrays.copyOf(extraColumn, capacity);
            extraCost = Arrays.copyOf(extraCost, capacity);
        }
        extraColumn[extraCount] = column;
        extraCost[extraCount] = cost;
        extraNext[extraCount] = extraHead[i];
        extraHead[i] = extraCount++;
    }

    /*
     * Edge iteration without objects: edges of row i are numbered first by block position e in [blockStart(i),
     * blockEnd(i)) and then by following extraFirst(i) / extraNext(e) until -1.
     */

    int blockStart(int i) {
        return i * k;
    }

    int blockEnd(int i) {
        return i * k + blockSize[i];
    }

    int blockColumn(int e) {
        return blockColumn[e];
    }

    double blockCost(int e) {
        return blockCost[e];
    }

    int extraFirst(int i) {
        return extraHead[i];
    }

    int extraNext(int e) {
        return extraNext[e];
    }

    int extraColumn(int e) {
        return extraColumn[e];
    }

    double extraCost(int e) {
        return extraCost[e];
    }
}
