package ai.dfc.model.cache;

import ai.dfc.api.image.RgbImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The cache key of one image: SHA-256 over the ASCII bytes {@code "dfc-image/1"}, the image's width and height
 * (4-byte big-endian integers each) and its interleaved 8-bit RGB pixels ({@link RgbImage#toBytes()}), as 64
 * lower-case hex digits. Two images with the same size and pixels share a key wherever they were read from; one
 * changed pixel (or a different size) gives another key. Where an image came from is deliberately not part of it.
 *
 * @param hex the 64 lower-case hex digits
 */
public record ImageKey(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final byte[] DOMAIN = "dfc-image/1".getBytes(StandardCharsets.US_ASCII);

    public ImageKey {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("an image key is 64 lower-case hex digits, was " + hex);
        }
    }

    /** The key of {@code image}'s size and pixels. */
    public static ImageKey of(RgbImage image) {
        MessageDigest sha = sha256();
        sha.update(DOMAIN);
        sha.update(ByteBuffer.allocate(8).putInt(image.width()).putInt(image.height()).array());
        sha.update(image.toBytes());
        return new ImageKey(HexFormat.of().formatHex(sha.digest()));
    }

    /** The first two hex digits: the sub-directory of the entry (256 shards keep directories small). */
    public String shard() {
        return hex.substring(0, 2);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
