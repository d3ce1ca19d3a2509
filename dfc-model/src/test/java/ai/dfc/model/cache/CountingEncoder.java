package ai.dfc.model.cache;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test encoder: per {@code stride×stride} cell and layer {@code l}, 6 channels spanning many magnitudes —
 * {@code scale·(l+1)·mean(r), mean(g), mean(b)}, a large value {@code 3000·mean(r) + 1.2345}, a tiny one
 * {@code 3e-6·mean(g)} (float16 subnormal range) and a signed one {@code mean(b) − mean(r)}. Counts its calls and
 * images, records each batch's shape, and can fail once it has been asked for more than {@code failAfter} images
 * (a run killed mid-way).
 */
final class CountingEncoder implements Encoder {
    static final int CHANNELS = 6;

    record Settings(int stride, int layers, float scale) {
    }

    final Settings settings;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger images = new AtomicInteger();
    final List<long[]> batches = java.util.Collections.synchronizedList(new ArrayList<>());
    private final int failAfter;
    private final AtomicInteger concurrent = new AtomicInteger();
    volatile boolean usedConcurrently;
    private boolean closed;

    CountingEncoder(Settings settings) {
        this(settings, Integer.MAX_VALUE);
    }

    CountingEncoder(Settings settings, int failAfter) {
        this.settings = settings;
        this.failAfter = failAfter;
    }

    @Override
    public EncoderSpec spec() {
        List<Integer> layers = new ArrayList<>();
        for (int l = 0; l < settings.layers(); l++) {
            layers.add(l);
        }
        return new EncoderSpec(settings.stride(), CHANNELS, layers);
    }

    /** The tokens as C-order floats {@code [B, L, h·w, C]}, computed directly (the reference for the cache). */
    static float[] reference(Settings s, INDArray images) {
        int b = (int) images.size(0);
        int height = (int) images.size(2);
        int width = (int) images.size(3);
        int st = s.stride();
        int h = height / st;
        int w = width / st;
        float[] px = images.dup('c').data().asFloat();
        float[] out = new float[b * s.layers() * h * w * CHANNELS];
        int plane = height * width;
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double[] mean = new double[3];
                    for (int c = 0; c < 3; c++) {
                        for (int y = i * st; y < (i + 1) * st; y++) {
                            for (int x = j * st; x < (j + 1) * st; x++) {
                                mean[c] += px[(n * 3 + c) * plane + y * width + x];
                            }
                        }
                        mean[c] /= st * st;
                    }
                    for (int l = 0; l < s.layers(); l++) {
                        int t = (((n * s.layers() + l) * h + i) * w + j) * CHANNELS;
                        out[t] = (float) (s.scale() * (l + 1) * mean[0]);
                        out[t + 1] = (float) mean[1];
                        out[t + 2] = (float) mean[2];
                        out[t + 3] = (float) (3000 * mean[0] + 1.2345);
                        out[t + 4] = (float) (3e-6 * mean[1]);
                        out[t + 5] = (float) (mean[2] - mean[0]);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public DenseTokens encode(INDArray batch) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (concurrent.incrementAndGet() > 1) {
            usedConcurrently = true;
        }
        try {
            calls.incrementAndGet();
            batches.add(batch.shape());
            if (images.addAndGet((int) batch.size(0)) > failAfter) {
                throw new IllegalStateException("simulated crash after " + failAfter + " images");
            }
            int h = (int) batch.size(2) / settings.stride();
            int w = (int) batch.size(3) / settings.stride();
            float[] out = reference(settings, batch);
            return new DenseTokens(Nd4j.create(out, new long[] {batch.size(0), settings.layers(), (long) h * w, CHANNELS},
                    DataType.FLOAT), h, w, settings.stride());
        } finally {
            concurrent.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "CountingEncoder" + settings + " calls " + calls + " batches " + batches.stream().map(Arrays::toString).toList();
    }
}
