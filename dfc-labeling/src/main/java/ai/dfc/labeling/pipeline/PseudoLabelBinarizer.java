package ai.dfc.labeling.pipeline;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.geometry.image.GaussianBlur;
import ai.dfc.geometry.image.GrayImage;
import ai.dfc.geometry.image.Morphology;
import ai.dfc.geometry.image.OtsuThreshold;
import ai.dfc.geometry.points.ViewVisibility;

/**
 * SPEC §3.9: from a part's 3-D heat map to its binary pseudo label in one training view.
 *
 * <ol>
 *   <li>{@link #normalize}: {@code h = (H − min H) / (max H − min H)} over all cloud points (float64). A constant
 *       {@code H} (no votes at all) gives {@code h = 0} everywhere, hence an empty label (the reference divides 0 by 0;
 *       its NaNs end up as an empty label too).</li>
 *   <li>{@link #heatImage}: an image of zeros with {@code h[p]} at the pixel {@code (row, col)} of each visible point
 *       inside the image, then {@code a = uint8(img·255)} (truncation).</li>
 *   <li>If fewer than {@value #MIN_HIGH_POINTS} of those points have {@code h > }{@value #HIGH}: {@code a ≥ }
 *       {@value #THRESHOLD} → 255, else 0 ({@link Branch#FEW_POINTS}). Otherwise grey levels below {@value #FLOOR} are
 *       raised to {@value #FLOOR}, the image is blurred ({@link GaussianBlur}, {@value #EDGE_BLUR}×{@value #EDGE_BLUR}
 *       for edge parts, else {@value #BLUR}×{@value #BLUR}, σ from the kernel size, reflect-101 border) and binarized by
 *       {@link OtsuThreshold} ({@link Branch#OTSU}); when the Otsu threshold is below {@value #FLOOR}, the unblurred
 *       {@code a} is binarized at {@value #THRESHOLD} instead ({@link Branch#OTSU_FALLBACK}).</li>
 *   <li>Morphological closing ({@link Morphology#close}) with a {@value #SMALL_CLOSING}×{@value #SMALL_CLOSING} ones
 *       kernel and {@value #SMALL_CLOSING} iterations for zoom-in or edge parts, else {@value #CLOSING}×{@value #CLOSING}
 *       and {@value #CLOSING} iterations.</li>
 *   <li>Multiplied by the view's object mask → 0/255.</li>
 * </ol>
 * Pixels are {@code (row, col)}; images are row-major. Stateless and thread-safe.
 */
public final class PseudoLabelBinarizer {
    /** Normalized heat above which a point counts as "high" (SPEC §3.9 step 3). */
    public static final double HIGH = 0.5;
    /** Fewer high points than this binarize {@code a} directly (SPEC §3.9 step 3). */
    public static final int MIN_HIGH_POINTS = 200;
    /** Grey level from which {@code a} is foreground when binarized directly ({@code a ≥ 128}). */
    public static final int THRESHOLD = 128;
    /** Floor of the grey levels before blurring, and the smallest acceptable Otsu threshold. */
    public static final int FLOOR = 64;
    /** Gaussian kernel side for edge parts. */
    public static final int EDGE_BLUR = 3;
    /** Gaussian kernel side for other parts. */
    public static final int BLUR = 11;
    /** Closing kernel side and iterations for zoom-in or edge parts. */
    public static final int SMALL_CLOSING = 3;
    /** Closing kernel side and iterations for other parts. */
    public static final int CLOSING = 5;

    private PseudoLabelBinarizer() {
    }

    /** Which way step 3 went. */
    public enum Branch {
        /** Fewer than {@value #MIN_HIGH_POINTS} high points: {@code a ≥ 128}. */
        FEW_POINTS,
        /** Floor, blur and Otsu. */
        OTSU,
        /** Otsu's threshold was below {@value #FLOOR}: {@code a ≥ 128}. */
        OTSU_FALLBACK
    }

    /**
     * One view's pseudo label and how it was made.
     *
     * @param label      0/255, the view's size, already multiplied by the object mask
     * @param branch     the branch of step 3
     * @param threshold  the Otsu threshold, or −1 on the {@link Branch#FEW_POINTS} branch
     * @param highPoints visible points inside the image with {@code h > 0.5}
     */
    public record Result(GrayImage label, Branch branch, int threshold, int highPoints) {
    }

    /**
     * Min-max normalization over all points; all zeros when {@code H} is constant or empty.
     *
     * @return a new array
     */
    public static double[] normalize(double[] raw) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : raw) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] h = new double[raw.length];
        if (!(max > min)) {
            return h;
        }
        double range = max - min;
        for (int i = 0; i < raw.length; i++) {
            h[i] = (raw[i] - min) / range;
        }
        return h;
    }

    /**
     * Step 2: {@code uint8(h·255)} at the pixels of the visible points inside {@code size}, 0 elsewhere.
     *
     * @param h normalized heat, one value per cloud point, in [0, 1]
     */
    public static GrayImage heatImage(double[] h, ViewVisibility visibility, ImageSize size) {
        byte[] a = new byte[size.area()];
        for (int i = 0; i < visibility.size(); i++) {
            int r = visibility.row(i);
            int c = visibility.col(i);
            if (size.contains(r, c)) {
                a[r * size.width() + c] = (byte) (int) (h[visibility.pointIndex(i)] * 255);
            }
        }
        return new GrayImage(size, a);
    }

    /**
     * Steps 2–5 for one view.
     *
     * @param h          normalized heat ({@link #normalize}), one value per cloud point
     * @param visibility the view's visible points
     * @param objectMask the view's object mask; its size is the label's
     * @param edge       whether the part is an edge part
     * @param zoomIn     whether the part is a zoom-in part
     * @throws IllegalArgumentException if a visible point index is outside {@code h}
     */
    public static Result binarize(double[] h, ViewVisibility visibility, Mask objectMask, boolean edge, boolean zoomIn) {
        ImageSize size = objectMask.size();
        GrayImage a = heatImage(h, visibility, size);
        int high = 0;
        for (int i = 0; i < visibility.size(); i++) {
            if (size.contains(visibility.row(i), visibility.col(i)) && h[visibility.pointIndex(i)] > HIGH) {
                high++;
            }
        }
        GrayImage binary;
        Branch branch;
        int threshold = -1;
        if (high < MIN_HIGH_POINTS) {
            binary = a.thresholded(THRESHOLD - 1);
            branch = Branch.FEW_POINTS;
        } else {
            GrayImage blurred = GaussianBlur.blur(a.map(v -> Math.max(v, FLOOR)), edge ? EDGE_BLUR : BLUR);
            OtsuThreshold.Result otsu = OtsuThreshold.apply(blurred);
            threshold = otsu.threshold();
            if (threshold < FLOOR) {
                binary = a.thresholded(THRESHOLD - 1);
                branch = Branch.OTSU_FALLBACK;
            } else {
                binary = otsu.binary();
                branch = Branch.OTSU;
            }
        }
        int k = zoomIn || edge ? SMALL_CLOSING : CLOSING;
        GrayImage closed = Morphology.close(binary, k, k);
        return new Result(closed.masked(objectMask), branch, threshold, high);
    }
}
