package ai.dfc.model.cache;

/**
 * Where a {@link FeatureCache#fill} stands.
 *
 * @param done     images whose entry exists now ({@code computed + reused})
 * @param total    images in the fill
 * @param computed images the encoder encoded in this fill
 * @param reused   images whose entry already existed (or whose identical twin was encoded earlier in this fill)
 */
public record FillProgress(int done, int total, int computed, int reused) {
}
