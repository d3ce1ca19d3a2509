package ai.dfc.api.benchmark;

import ai.dfc.api.taxonomy.ObjectCategory;

/**
 * One evaluated image: a view of an asset.
 *
 * @param assetId   the asset folder name, e.g. {@code 5aa9…---gavel.glb}, unique within the benchmark
 * @param category  the asset's object category
 * @param imageName the image file name within the asset, e.g. {@code 0012.png}
 */
public record EvalView(String assetId, ObjectCategory category, String imageName) {

    public EvalView {
        if (assetId == null || assetId.isBlank() || category == null || imageName == null || imageName.isBlank()) {
            throw new IllegalArgumentException("eval view needs an asset id, a category and an image name");
        }
    }
}
