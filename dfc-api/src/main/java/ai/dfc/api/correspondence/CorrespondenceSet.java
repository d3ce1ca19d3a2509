package ai.dfc.api.correspondence;

import ai.dfc.api.geometry.Pixel;
import ai.dfc.api.image.ImageSize;
import java.util.Arrays;

/**
 * Dense pixel correspondences between a source and a target image: entry {@code i} pairs source pixel
 * {@code i} with target pixel {@code i}. Coordinates are {@code (row, col)} in each image's own pixel space
 * (224×224 for the reference's evaluation annotations). Immutable.
 */
public final class CorrespondenceSet {
    private final ImageSize sourceSize;
    private final ImageSize targetSize;
    private final int[] source;
    private final int[] target;

    /**
     * @param source {@code 2·N} ints {@code row0, col0, row1, col1, …} inside {@code sourceSize}; copied
     * @param target {@code 2·N} ints inside {@code targetSize}; copied
     */
    public CorrespondenceSet(ImageSize sourceSize, int[] source, ImageSize targetSize, int[] target) {
        if (sourceSize == null || targetSize == null || source == null || target == null) {
            throw new IllegalArgumentException("correspondence set needs both sizes and both point lists");
        }
        if (source.length % 2 != 0 || source.length != target.length) {
            throw new IllegalArgumentException("source and target must hold the same number of (row, col) pairs, had "
                    + source.length + " and " + target.length + " ints");
        }
        check("source", sourceSize, source);
        check("target", targetSize, target);
        this.sourceSize = sourceSize;
        this.targetSize = targetSize;
        this.source = source.clone();
        this.target = target.clone();
    }

    private static void check(String which, ImageSize size, int[] points) {
        for (int i = 0; i < points.length; i += 2) {
            if (!size.contains(points[i], points[i + 1])) {
                throw new IllegalArgumentException(which + " point " + i / 2 + " (row " + points[i] + ", col "
                        + points[i + 1] + ") lies outside the " + size + " image");
            }
        }
    }

    public int size() {
        return source.length / 2;
    }

    public ImageSize sourceSize() {
        return sourceSize;
    }

    public ImageSize targetSize() {
        return targetSize;
    }

    public Pixel source(int i) {
        return new Pixel(source[2 * i], source[2 * i + 1]);
    }

    public Pixel target(int i) {
        return new Pixel(target[2 * i], target[2 * i + 1]);
    }

    /** The same correspondences seen from the target: source and target swapped. */
    public CorrespondenceSet reversed() {
        return new CorrespondenceSet(targetSize, target, sourceSize, source);
    }

    /** A copy of the source points, {@code row0, col0, …}. */
    public int[] sourcePoints() {
        return source.clone();
    }

    /** A copy of the target points, {@code row0, col0, …}. */
    public int[] targetPoints() {
        return target.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrespondenceSet other && sourceSize.equals(other.sourceSize)
                && targetSize.equals(other.targetSize) && Arrays.equals(source, other.source)
                && Arrays.equals(target, other.target);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(source) * 31 + Arrays.hashCode(target);
    }

    @Override
    public String toString() {
        return "CorrespondenceSet[" + size() + " pairs, " + sourceSize + " -> " + targetSize + "]";
    }
}
