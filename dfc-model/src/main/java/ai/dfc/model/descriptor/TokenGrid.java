package ai.dfc.model.descriptor;

/**
 * The token grid of one image: {@code rows × cols} tokens of {@code stride} pixels, token {@code (i, j)} centred at
 * pixel {@code (stride·(i + 0.5) − 0.5, stride·(j + 0.5) − 0.5)} (the {@link ai.dfc.api.encoder.DenseTokens}
 * convention), in row-major order.
 */
record TokenGrid(int stride, int rows, int cols) {

    int size() {
        return rows * cols;
    }

    /** Centre of token row or column {@code i} in pixel-centre coordinates. */
    double centre(int i) {
        return stride * (i + 0.5) - 0.5;
    }

    /**
     * First pixel of a box of {@code side} pixels centred on token row or column {@code i}: the box is
     * {@code [start, start + side)}. Centred exactly for {@code stride − side} even, else half a pixel up/left;
     * a shift of the image by one stride shifts every box by one stride, which is what keeps descriptors
     * translation-equivariant.
     */
    int boxStart(int i, int side) {
        return stride * i + Math.floorDiv(stride - side, 2);
    }
}
