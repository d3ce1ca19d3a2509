package ai.dfc.model.descriptor;

import ai.dfc.api.encoder.Encoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prints the encoder's throughput in images/s at 224×224 for batches of 1 and 8 (default settings, after a
 * warm-up), for uniform random noise (every pixel has a gradient: the slowest case) and for a synthetic object on
 * a white background (like a render). Not a test: run it by hand, e.g. with the test class path,
 * {@code java -cp … ai.dfc.model.descriptor.DenseDescriptorThroughput [seconds per batch size]}.
 */
public final class DenseDescriptorThroughput {
    private DenseDescriptorThroughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int size = 224;
        try (Encoder encoder = new DenseDescriptorEncoder(DenseDescriptorEncoder.Config.defaults())) {
            for (String kind : new String[] {"random", "object"}) {
                for (int batch : new int[] {1, 8}) {
                    INDArray images;
                    if (kind.equals("random")) {
                        Nd4j.getRandom().setSeed(1);
                        images = Nd4j.rand(DataType.FLOAT, batch, 3, size, size);
                    } else {
                        Canvas[] objects = new Canvas[batch];
                        for (int b = 0; b < batch; b++) {
                            objects[b] = new Canvas(size, size, 1, 1, 1)
                                    .paint(Canvas.disc(100 + b, 112, 60), 0.8, 0.3, 0.2)
                                    .paint(Canvas.box(60, 40, 150, 70), 0.2, 0.4, 0.8);
                        }
                        images = Canvas.batch(objects);
                    }
                    run(encoder, images, seconds / 2); // warm-up: JIT
                    double[] rate = run(encoder, images, seconds);
                    System.out.printf("dense-descriptor %dx%d %s images, batch %d: %.1f images/s on %d cores, "
                                    + "%.2f CPU ms per image%n", size, size, kind, batch, rate[0],
                            Runtime.getRuntime().availableProcessors(), rate[1]);
                }
            }
        }
    }

    /**
     * {images/s, process CPU ms per image}: the second is what a loaded machine distorts least (the wall-clock
     * rate falls when other processes share the cores).
     */
    private static double[] run(Encoder encoder, INDArray images, double seconds) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long encoded = 0;
        while (System.nanoTime() - start < seconds * 1e9) {
            encoder.encode(images).tokens().close();
            encoded += images.size(0);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new double[] {encoded / wall, (os.getProcessCpuTime() - cpu) / 1e6 / encoded};
    }
}
