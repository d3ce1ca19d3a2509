package ai.dfc.model.descriptor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A test image: RGB planes in [0, 1], painted shape by shape, pixel centres at integer coordinates. */
final class Canvas {
    interface Shape {
        boolean contains(double x, double y);
    }

    final int height;
    final int width;
    final float[] rgb;

    Canvas(int height, int width, double r, double g, double b) {
        this.height = height;
        this.width = width;
        this.rgb = new float[3 * height * width];
        paint((x, y) -> true, r, g, b);
    }

    Canvas paint(Shape shape, double r, double g, double b) {
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (shape.contains(x, y)) {
                    rgb[y * width + x] = (float) r;
                    rgb[plane + y * width + x] = (float) g;
                    rgb[2 * plane + y * width + x] = (float) b;
                }
            }
        }
        return this;
    }

    static Shape disc(double cx, double cy, double radius) {
        return (x, y) -> (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
    }

    static Shape box(double x0, double y0, double x1, double y1) {
        return (x, y) -> x >= x0 && x < x1 && y >= y0 && y < y1;
    }

    /** {@code [1, 3, H, W]}. */
    INDArray image() {
        return Nd4j.createFromArray(rgb.clone()).reshape(1, 3, height, width);
    }

    /** Several canvases of one size as a batch. */
    static INDArray batch(Canvas... canvases) {
        int n = canvases[0].rgb.length;
        float[] all = new float[canvases.length * n];
        for (int i = 0; i < canvases.length; i++) {
            System.arraycopy(canvases[i].rgb, 0, all, i * n, n);
        }
        return Nd4j.createFromArray(all).reshape(canvases.length, 3, canvases[0].height, canvases[0].width);
    }
}
