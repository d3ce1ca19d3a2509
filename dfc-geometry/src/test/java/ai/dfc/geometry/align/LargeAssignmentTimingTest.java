package ai.dfc.geometry.align;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.geometry.align.LinearAssignmentSolver.Initialisation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reference's largest case (SPEC §4.3 step 7): 10,000 × 10,000 assignments on 3-D distances, for both
 * initialisations, on points uniform in the unit cube and on clustered points (both sets drawn independently from
 * the same mixture of 8 Gaussian blobs, so the blobs hold different numbers of row and column points and paths
 * must carry the surplus between blobs). Prints CPU seconds, wall seconds, bytes allocated and peak heap; asserts
 * that each result is a permutation with a valid optimality certificate and that both initialisations agree.
 *
 * <p>Run with {@code mvn -o -pl dfc-geometry verify -Dtest.excludedGroups= -Dtest=LargeAssignmentTimingTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; output lands in the surefire report's {@code -output.txt}.
 */
@Tag("slow")
class LargeAssignmentTimingTest {
    private static final int N = 10_000;

    @Test
    void uniformPointsInTheUnitCube() {
        Random random = new Random(41);
        run("uniform", LinearAssignmentSolverTest.uniformPoints(random, N),
                LinearAssignmentSolverTest.uniformPoints(random, N));
    }

    @Test
    void clusteredPoints() {
        Random random = new Random(42);
        double[][] centres = new double[8][3];
        for (double[] c : centres) {
            for (int a = 0; a < 3; a++) {
                c[a] = random.nextDouble();
            }
        }
        run("clustered", blobs(random, centres), blobs(random, centres));
    }

    private static double[] blobs(Random random, double[][] centres) {
        double[] p = new double[3 * N];
        for (int i = 0; i < N; i++) {
            double[] c = centres[random.nextInt(centres.length)];
            for (int a = 0; a < 3; a++) {
                p[3 * i + a] = c[a] + 0.03 * random.nextGaussian();
            }
        }
        return p;
    }

    private static void run(String name, double[] rows, double[] columns) {
        EuclideanAssignmentCosts costs = new EuclideanAssignmentCosts(rows, columns);
        double[] totals = new double[Initialisation.values().length];
        for (Initialisation initialisation : Initialisation.values()) {
            System.gc();
            MemoryMeter meter = new MemoryMeter();
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();

            Assignment result = LinearAssignmentSolver.solve(costs, initialisation);

            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
            String memory = meter.report();
            long checkStart = System.nanoTime();
            double violation = result.optimalityViolation(costs);
            double check = (System.nanoTime() - checkStart) / 1e9;
            System.out.printf("%s %d x %d, %s: %.2f s CPU, %.2f s wall, %s; total cost %.9f, certificate "
                    + "violation %.2e (checked in %.2f s)%n", name, N, N, initialisation, cpu, wall, memory,
                    result.totalCost(), violation, check);

            assertThat(Arrays.stream(result.rowToColumn()).distinct().count()).isEqualTo(N);
            assertThat(violation).isLessThan(1e-9);
            totals[initialisation.ordinal()] = result.totalCost();
        }
        assertThat(totals[0]).isCloseTo(totals[1], org.assertj.core.api.Assertions.within(1e-9));
    }

    /** Bytes this thread allocates and the heap's peak use, between construction and {@link #report()}. */
    private static final class MemoryMeter {
        private final long allocatedAtStart = allocated();
        private final long usedAtStart;

        MemoryMeter() {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                    used += pool.getUsage().getUsed();
                }
            }
            usedAtStart = used;
        }

        private static long allocated() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean) {
                return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
            return -1;
        }

        String report() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            long allocatedNow = allocated();
            String allocatedText = allocatedNow < 0 ? "n/a" : String.format("%.1f MB", (allocatedNow - allocatedAtStart) / 1e6);
            return String.format("allocated %s, heap %.1f MB before / peak %.1f MB (sum of pool peaks)", allocatedText,
                    usedAtStart / 1e6, peak / 1e6);
        }
    }
}
