package org.example.dfc;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderSpec;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One token per cell: the cell's mean grey level and its mean horizontal and vertical gradient. */
final class GreyPatchEncoder implements Encoder {
    private final int cell;
    private boolean closed;

    GreyPatchEncoder(int cell) {
        this.cell = cell;
    }

    @Override
    public EncoderSpec spec() {
        return new EncoderSpec(cell, 3, List.of(0));
    }

    @Override
    public DenseTokens encode(INDArray images) {
        if (closed) {
            throw new IllegalStateException("grey-patch encoder is closed");
        }
        if (images.rank() != 4 || images.size(1) != 3) {
            throw new IllegalArgumentException("expected [B, 3, H, W] images");
        }
        int b = (int) images.size(0);
        int height = (int) images.size(2);
        int width = (int) images.size(3);
        int h = height / cell;
        int w = width / cell;
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException("images smaller than one " + cell + "-pixel cell");
        }
        float[] rgb = images.dup('c').data().asFloat();
        float[] out = new float[b * h * w * 3];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double grey = 0;
                    double dx = 0;
                    double dy = 0;
                    for (int y = i * cell; y < (i + 1) * cell; y++) {
                        for (int x = j * cell; x < (j + 1) * cell; x++) {
                            double g = grey(rgb, n, y, x, height, width);
                            grey += g;
                            dx += x + 1 < width ? grey(rgb, n, y, x + 1, height, width) - g : 0;
                            dy += y + 1 < height ? grey(rgb, n, y + 1, x, height, width) - g : 0;
                        }
                    }
                    int t = ((n * h + i) * w + j) * 3;
                    double area = cell * cell;
                    out[t] = (float) (grey / area);
                    out[t + 1] = (float) (dx / area);
                    out[t + 2] = (float) (dy / area);
                }
            }
        }
        return new DenseTokens(Nd4j.createFromArray(out).reshape(b, 1, (long) h * w, 3), h, w, cell);
    }

    private static double grey(float[] rgb, int n, int y, int x, int height, int width) {
        int plane = height * width;
        int base = n * 3 * plane + y * width + x;
        return (rgb[base] + rgb[base + plane] + rgb[base + 2 * plane]) / 3.0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
