package ai.dfc.model.descriptor;

/**
 * The object's silhouette estimated from colour alone, for images of one object on a <b>plain background</b>
 * (our renders, product-style photos): the background colour is the dominant colour of the image's one-pixel
 * border, and every pixel whose RGB colour lies farther than {@code threshold} (Euclidean, RGB in [0, 1]) from
 * it is object. No clean-up: specks count as object. On cluttered backgrounds the mask, and everything
 * derived from it, is meaningless.
 *
 * <p>Dominant border colour: border pixels are counted in a 16×16×16 RGB histogram; the background is the mean
 * of the pixels in the fullest bin (lowest bin index on ties), so a few object pixels touching the border do not
 * move it.
 *
 * @param pixels     {@code height × width}, row-major, true for object
 * @param count      number of object pixels
 * @param background the estimated background colour {@code {r, g, b}}
 */
record ObjectMask(boolean[] pixels, int height, int width, int count, double[] background) {
    private static final int LEVELS = 16;

    /**
     * @param rgb    channel-first planes, R at {@code offset}, then G and B, each {@code height × width}
     */
    static ObjectMask estimate(float[] rgb, int offset, int height, int width, double threshold) {
        int plane = height * width;
        int[] counts = new int[LEVELS * LEVELS * LEVELS];
        double[] sums = new double[counts.length * 3];
        for (int y = 0; y < height; y++) {
            boolean edgeRow = y == 0 || y == height - 1;
            for (int x = 0; x < width; x += edgeRow || width == 1 ? 1 : width - 1) {
                int p = offset + y * width + x;
                float r = rgb[p];
                float g = rgb[p + plane];
                float b = rgb[p + 2 * plane];
                int bin = (level(r) * LEVELS + level(g)) * LEVELS + level(b);
                counts[bin]++;
                sums[3 * bin] += r;
                sums[3 * bin + 1] += g;
                sums[3 * bin + 2] += b;
            }
        }
        int mode = 0;
        for (int bin = 1; bin < counts.length; bin++) {
            if (counts[bin] > counts[mode]) {
                mode = bin;
            }
        }
        double[] background = {
            sums[3 * mode] / counts[mode], sums[3 * mode + 1] / counts[mode], sums[3 * mode + 2] / counts[mode]};
        boolean[] pixels = new boolean[plane];
        double limit = threshold * threshold;
        int count = 0;
        for (int p = 0; p < plane; p++) {
            double dr = rgb[offset + p] - background[0];
            double dg = rgb[offset + p + plane] - background[1];
            double db = rgb[offset + p + 2 * plane] - background[2];
            if (dr * dr + dg * dg + db * db > limit) {
                pixels[p] = true;
                count++;
            }
        }
        return new ObjectMask(pixels, height, width, count, background);
    }

    private static int level(float v) {
        return Math.min(LEVELS - 1, Math.max(0, (int) (v * LEVELS)));
    }
}
