package ai.dfc.benchdata.annotation;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.world.AssetName;

/**
 * One dense ground-truth trial of the reference's annotation layout (SPEC §4.3–4.4): row {@code i} of
 * {@code pointsA} corresponds to row {@code i} of {@code pointsB}; points are {@code (row, col)} in the processed
 * 224×224 images {@code imageA} / {@code imageB} of the two assets.
 *
 * @param function the function both parts serve
 * @param objectA  the first asset
 * @param imageA   its image name, e.g. {@code 0012.png}
 * @param pointsA  {@code 2·N} ints {@code row0, col0, …}
 * @param objectB  the second asset
 * @param imageB   its image name
 * @param pointsB  {@code 2·N} ints
 * @param trial    the trial index ({@code trial_<t>})
 */
public record AnnotationTrial(FunctionName function, AssetName objectA, String imageA, int[] pointsA, AssetName objectB,
        String imageB, int[] pointsB, int trial) {

    public AnnotationTrial {
        if (pointsA.length != pointsB.length || pointsA.length % 2 != 0 || pointsA.length == 0) {
            throw new IllegalArgumentException("a trial needs the same positive number of (row, col) points on both sides, had "
                    + pointsA.length / 2 + " and " + pointsB.length / 2);
        }
        if (objectA.equals(objectB)) {
            throw new IllegalArgumentException("a trial pairs two different assets, got " + objectA + " twice");
        }
        pointsA = pointsA.clone();
        pointsB = pointsB.clone();
    }

    /** Number of correspondences. */
    public int size() {
        return pointsA.length / 2;
    }

    /** The pair key of the reference's selection file: {@code objA|||objB}. */
    public String pairKey() {
        return objectA.folder() + AnnotationFiles.SEP + objectB.folder();
    }
}
