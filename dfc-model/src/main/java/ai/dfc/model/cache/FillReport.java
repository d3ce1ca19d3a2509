package ai.dfc.model.cache;

/**
 * What a {@link FeatureCache#fill} did.
 *
 * @param images      images given
 * @param computed    images encoded (and stored) now
 * @param reused      images whose entry already existed, or whose identical twin was encoded earlier in the same fill
 * @param encodeNanos time spent in {@link ai.dfc.api.encoder.Encoder#encode}
 * @param totalNanos  time of the whole fill (reading and hashing images, encoding, writing)
 */
public record FillReport(int images, int computed, int reused, long encodeNanos, long totalNanos) {

    /** Images handled per second, all of them. */
    public double imagesPerSecond() {
        return images / Math.max(1e-9, totalNanos / 1e9);
    }

    /** Images encoded per second of {@code encode} time (0 when none was encoded). */
    public double encodedPerSecond() {
        return computed == 0 ? 0 : computed / Math.max(1e-9, encodeNanos / 1e9);
    }
}
