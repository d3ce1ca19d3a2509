package ai.dfc.model.descriptor;

/**
 * The gradient block: histograms of oriented gradients pooled over a 3×3 grid of cells around each token, at
 * several scales, in the spirit of SIFT, HOG and DAISY.
 *
 * <p><b>Gradients.</b> Grey level {@code (R + G + B)/3}, smoothed at scale {@code k} with a Gaussian of
 * {@code σ_k = a_k / 7} (1 px for the default stride 14 at scale 0), then central differences; {@code x} runs
 * right, {@code y} down. Orientation {@code θ = atan2(g_y, g_x)} ({@link Angles}, within 2e-6 rad) is taken modulo π (unsigned: a dark-to-light and
 * a light-to-dark edge look the same, so a part's outline matches whatever colours the parts have) or 2π
 * (signed). Bin {@code b} is centred at {@code b·period/bins}, so bin 0 holds horizontal gradients, i.e. vertical
 * edges; each pixel votes its gradient magnitude into its two nearest bins with linear interpolation.
 *
 * <p><b>Pooling.</b> At scale {@code k} cells are squares of side {@code a_k = round(stride·2^k / 2)} (7 and 14 px
 * at stride 14), laid out 3×3 and centred on the token, so scale 0 sees 1.5 strides and scale 1 three. Each
 * cell's votes are summed (per-tile sums and a summed-area table over the tiles, see {@code Tiles}) and weighted
 * by a Gaussian of the cell's offset,
 * {@code exp(−(Δr² + Δc²) / (2·1.5²))} (1, 0.80 at the sides, 0.64 at the corners), so the centre counts most.
 *
 * <p><b>Normalization</b> per token and scale, as SIFT: {@code h / max(‖h‖, floor)} with
 * {@code floor = contrast_floor · a_k} (the norm of one straight edge of contrast {@code contrast_floor} crossing a
 * cell), entries clipped at {@code clip}, rescaled to the norm they had before clipping. Textured tokens get a
 * unit vector, flat ones a shorter one (zero where there is no gradient at all) instead of amplified noise.
 * With {@code contrast_floor = 0} the block is invariant to a gain and offset of the intensities.
 *
 * <p><b>Layout</b>, {@code 9·bins} channels per scale, scales in increasing size: cells in row-major order (top
 * left first), within a cell the bins in order. The block is divided by {@code √scales} so it has at most unit
 * norm.
 */
final class GradientHistograms {
    static final int CELLS_PER_SIDE = 3;
    private static final double CELL_SIGMA = 1.5;
    /**
     * Histogram norms at or below this are rounding residue of the summed-area tables (their entries reach
     * ~10⁴, so differences carry ~10⁻¹² of noise), not texture: a 1/255 step across a cell already gives ~0.03.
     */
    private static final double NOISE = 1e-8;

    private final int bins;
    private final boolean signed;
    private final int scales;
    private final double clip;
    private final double contrastFloor;

    GradientHistograms(int bins, boolean signed, int scales, double clip, double contrastFloor) {
        this.bins = bins;
        this.signed = signed;
        this.scales = scales;
        this.clip = clip;
        this.contrastFloor = contrastFloor;
    }

    int channels() {
        return scales * CELLS_PER_SIDE * CELLS_PER_SIDE * bins;
    }

    /** Cell side at scale {@code k}. */
    static int cellSide(int stride, int k) {
        return Math.max(1, (int) Math.round(stride * Math.pow(2, k) / 2));
    }

    int scales() {
        return scales;
    }

    /**
     * Writes {@code weight ×} scale {@code k}'s part of the block of every token to
     * {@code out[base + t·tokenStride + k·9·bins + …]}; scales are independent, so they may run in parallel.
     *
     * @param grey {@code height × width} grey levels
     */
    void describeScale(int k, float[] grey, int height, int width, TokenGrid grid, double weight, float[] out,
                       int base, int tokenStride) {
        int perScale = CELLS_PER_SIDE * CELLS_PER_SIDE * bins;
        double[] histogram = new double[perScale];
        double[] cellWeight = new double[CELLS_PER_SIDE * CELLS_PER_SIDE];
        for (int dy = -1, cell = 0; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++, cell++) {
                cellWeight[cell] = Math.exp(-(dy * dy + dx * dx) / (2 * CELL_SIGMA * CELL_SIGMA));
            }
        }
        double blockScale = weight / Math.sqrt(scales);
        int side = cellSide(grid.stride(), k);
        Tiles tiles = new Tiles(grid, side, height, width);
        IntegralImage votes = orientationVotes(grey, height, width, side / 7.0, tiles);
        double floor = contrastFloor * side;
        for (int i = 0; i < grid.rows(); i++) {
            for (int j = 0; j < grid.cols(); j++) {
                java.util.Arrays.fill(histogram, 0);
                int y0 = grid.boxStart(i, side);
                int x0 = grid.boxStart(j, side);
                for (int dy = -1, cell = 0; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++, cell++) {
                        int ta = tiles.first(y0 + dy * side);
                        int tb = tiles.first(x0 + dx * side);
                        votes.addBoxSum(ta, tb, ta + tiles.perCell, tb + tiles.perCell, cellWeight[cell], histogram,
                                cell * bins);
                    }
                }
                normalize(histogram, floor);
                int t = base + (i * grid.cols() + j) * tokenStride + k * perScale;
                for (int c = 0; c < perScale; c++) {
                    out[t + c] = (float) (histogram[c] * blockScale);
                }
            }
        }
    }

    /**
     * Why tiles: every cell of a scale starts at {@code stride·j + ⌊(stride − a)/2⌋ + d·a}, so all cells are
     * unions of square tiles of side {@code p = gcd(stride, a)} on one lattice (7-px tiles for scale 0 at stride 14,
     * 14-px for scale 1). Votes are summed per tile in one pass over the pixels and pooled with a summed-area
     * table over the (few) tiles, which is much cheaper than a per-pixel table of all bins. Tile {@code t} covers
     * pixels {@code [origin + (t − 1)·p, origin + t·p)}, so tile 0 catches the partial tile at the top/left.
     */
    private static final class Tiles {
        final int side;
        final int origin;
        final int perCell;
        final int rows;
        final int cols;

        Tiles(TokenGrid grid, int cellSide, int height, int width) {
            this.side = gcd(grid.stride(), cellSide);
            this.origin = Math.floorMod(grid.boxStart(0, cellSide), side);
            this.perCell = cellSide / side;
            this.rows = index(height - 1) + 1;
            this.cols = index(width - 1) + 1;
        }

        /** The tile holding pixel row or column {@code p ≥ 0}. */
        int index(int p) {
            return Math.floorDiv(p - origin, side) + 1;
        }

        /** The first tile of a cell starting at pixel {@code start} (which lies on the lattice). */
        int first(int start) {
            return Math.floorDiv(start - origin, side) + 1;
        }

        private static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    /** {@code h / max(‖h‖, floor)}, clipped at {@code clip}, rescaled to its pre-clip norm; in place. */
    private void normalize(double[] h, double floor) {
        for (int c = 0; c < h.length; c++) {
            h[c] = Math.max(h[c], 0); // box sums of a flat region may come out as −1e-16
        }
        double norm = norm(h);
        if (norm <= NOISE) {
            java.util.Arrays.fill(h, 0);
            return;
        }
        double scale = 1 / Math.max(norm, floor);
        double target = norm * scale;
        for (int c = 0; c < h.length; c++) {
            h[c] = Math.min(h[c] * scale, clip);
        }
        double clipped = norm(h);
        double rescale = target / clipped;
        for (int c = 0; c < h.length; c++) {
            h[c] *= rescale;
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * Orientation votes ({@code bins} channels) of the image smoothed with {@code sigma}, summed per tile and
     * integrated over the tile grid.
     */
    private IntegralImage orientationVotes(float[] grey, int height, int width, double sigma, Tiles tiles) {
        float[] g = SeparableGaussian.smooth(grey, height, width, sigma);
        double[] perTile = new double[tiles.rows * tiles.cols * bins];
        int[] tileOfColumn = new int[width];
        for (int x = 0; x < width; x++) {
            tileOfColumn[x] = tiles.index(x) * bins;
        }
        double binsPerRadian = bins / (signed ? 2 * Math.PI : Math.PI);
        for (int y = 0; y < height; y++) {
            int up = Math.max(y - 1, 0) * width;
            int down = Math.min(y + 1, height - 1) * width;
            int here = y * width;
            int tileRow = tiles.index(y) * tiles.cols * bins;
            for (int x = 0; x < width; x++) {
                float gx = (g[here + Math.min(x + 1, width - 1)] - g[here + Math.max(x - 1, 0)]) * 0.5f;
                float gy = (g[down + x] - g[up + x]) * 0.5f;
                float magnitude = (float) Math.sqrt(gx * gx + gy * gy);
                if (magnitude == 0) {
                    continue;
                }
                double angle = signed ? Angles.fullTurn(gx, gy) : Angles.halfTurn(gx, gy);
                double position = angle * binsPerRadian; // in [0, bins]; bins is bin 0 again
                int b0 = (int) position;
                float f = (float) (position - b0);
                b0 = b0 >= bins ? b0 - bins : b0;
                int b1 = b0 + 1 == bins ? 0 : b0 + 1;
                int tile = tileRow + tileOfColumn[x];
                perTile[tile + b0] += (1 - f) * magnitude;
                perTile[tile + b1] += f * magnitude;
            }
        }
        IntegralImage integral = new IntegralImage(tiles.rows, tiles.cols, bins);
        for (int ty = 0; ty < tiles.rows; ty++) {
            integral.addRow(ty, perTile, ty * tiles.cols * bins);
        }
        return integral;
    }
}
