package ai.dfc.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks the sampler against grid_sample's formula (align_corners = False, zero padding) written out by hand. */
class BilinearSamplerTest {

    /** grid_sample at normalized g = 2p/W − 1 on one channel, in double precision, straight from its definition. */
    private static double reference(double[][] grid, int px, int py, int imageW, int imageH) {
        int h = grid.length;
        int w = grid[0].length;
        double gx = 2.0 * px / imageW - 1;
        double gy = 2.0 * py / imageH - 1;
        double x = ((gx + 1) * w - 1) / 2;
        double y = ((gy + 1) * h - 1) / 2;
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double sum = 0;
        for (int dy = 0; dy <= 1; dy++) {
            for (int dx = 0; dx <= 1; dx++) {
                int xi = x0 + dx;
                int yi = y0 + dy;
                double wt = (dx == 1 ? x - x0 : 1 - (x - x0)) * (dy == 1 ? y - y0 : 1 - (y - y0));
                if (xi >= 0 && xi < w && yi >= 0 && yi < h) {
                    sum += wt * grid[yi][xi];
                }
            }
        }
        return sum;
    }

    @Test
    void matchesGridSampleOnEveryPixel() {
        int h = 4;
        int w = 5;
        int imageH = 28;
        int imageW = 35;
        double[][] grid = new double[h][w];
        float[][] tokens = new float[h * w][1];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                grid[i][j] = Math.sin(i * 1.3 + j * 0.7) + i;
                tokens[i * w + j][0] = (float) grid[i][j];
            }
        }
        INDArray out = new BilinearSampler(imageH, imageW, h, w).sample(Nd4j.createFromArray(tokens));
        for (int py = 0; py < imageH; py++) {
            for (int px = 0; px < imageW; px++) {
                assertThat(out.getDouble(py * imageW + px, 0)).as("pixel (%d, %d)", py, px)
                        .isCloseTo(reference(grid, px, py, imageW, imageH), within(1e-5));
            }
        }
        // pixel 0 lies half a token outside the grid's first centre: it blends with zero padding
        assertThat(out.getDouble(0, 0)).isCloseTo(0.25 * grid[0][0], within(1e-6));
    }
}
