package ai.dfc.model.cache;

import ai.dfc.api.DfcException;
import ai.dfc.geometry.io.AtomicFiles;
import ai.dfc.geometry.numpy.DType;
import ai.dfc.geometry.numpy.Half;
import ai.dfc.geometry.numpy.Npy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * One cache entry on disk: a NumPy {@code .npy} (format 1.0) of float16 {@code (L, h, w, C)}, C order, little-endian
 * ({@code np.load} reads it as is). Writes are atomic ({@link AtomicFiles}: temporary file, then rename); reads
 * memory-map the file and widen to float32. Stateless; thread-safe.
 */
final class TokenFile {
    /** float32 value of every half-precision bit pattern: widening is one table look-up per element. */
    private static final float[] WIDEN = new float[1 << 16];

    static {
        for (int i = 0; i < WIDEN.length; i++) {
            WIDEN[i] = Half.toFloat((short) i);
        }
    }

    private TokenFile() {
    }

    /** The tokens of one image, float32 (already rounded to float16 when read from a file). */
    record Entry(float[] values, int layers, int gridHeight, int gridWidth, int channels) {
    }

    /**
     * {@code values[offset … offset + L·h·w·C)} (C order {@code [L, h, w, C]}) rounded to float16 and encoded as a
     * {@code .npy} file's bytes.
     *
     * @throws DfcException naming {@code where} and the element if a value is NaN, infinite or beyond the float16
     *                      range (|x| ≥ 65520 rounds to infinity; the largest float16 is 65504): the cache refuses to
     *                      store values it cannot represent rather than clamping them
     */
    static byte[] encode(float[] values, int offset, int layers, int h, int w, int channels, String where) {
        long[] shape = {layers, h, w, channels};
        int n = layers * h * w * channels;
        byte[] header = Npy.encodeHeader(DType.FLOAT16, shape);
        ByteBuffer out = ByteBuffer.allocate(header.length + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        for (int i = 0; i < n; i++) {
            float v = values[offset + i];
            short half = Half.fromFloat(v);
            if ((half & 0x7C00) == 0x7C00) {
                int token = i / channels;
                throw new DfcException(String.format(Locale.ROOT, "%s: token value %s (layer %d, token %d, channel %d) is "
                        + "outside the float16 range of the feature cache (finite, |x| < 65520, which rounds to at most %.0f); "
                        + "the encoder's output cannot be cached", where, v, token / (h * w), token % (h * w), i % channels,
                        Half.MAX_VALUE));
            }
            out.putShort(half);
        }
        return out.array();
    }

    /** {@code values} rounded to float16 and back: what a write followed by a read returns. */
    static float[] roundTrip(float[] values, int offset, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = WIDEN[Half.fromFloat(values[offset + i]) & 0xFFFF];
        }
        return out;
    }

    /** Writes {@link #encode}'s bytes to {@code file} atomically. */
    static void write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, bytes);
    }

    /**
     * Memory-maps {@code file} and widens its float16 tokens to float32.
     *
     * @throws DfcException naming the file if it is not a complete float16 {@code (L, h, w, C)} {@code .npy} with
     *                      {@code layers} layers and {@code channels} channels
     * @throws IOException  if it cannot be read (a missing file is {@link java.nio.file.NoSuchFileException})
     */
    static Entry read(Path file, int layers, int channels) throws IOException {
        MappedByteBuffer map;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        Npy.Header header;
        try {
            header = Npy.readHeader(map, file.toString());
        } catch (IllegalArgumentException e) {
            throw corrupt(file, e.getMessage());
        }
        long[] shape = header.shape();
        if (header.type() != DType.FLOAT16 || header.bigEndian() || header.fortranOrder() || shape.length != 4
                || shape[0] != layers || shape[3] != channels || shape[1] < 1 || shape[2] < 1) {
            throw corrupt(file, "expected little-endian C-order float16 of shape (" + layers + ", h, w, " + channels
                    + "), found " + header.type() + " " + Arrays.toString(shape)
                    + (header.fortranOrder() ? " in Fortran order" : ""));
        }
        long n = header.count();
        if (n > Integer.MAX_VALUE || map.capacity() != header.dataOffset() + 2 * n) {
            throw corrupt(file, "holds " + (map.capacity() - header.dataOffset()) + " data bytes, its shape "
                    + Arrays.toString(shape) + " needs " + 2 * n);
        }
        ShortBuffer halves = map.position(header.dataOffset()).slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        float[] values = new float[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = WIDEN[halves.get(i) & 0xFFFF];
        }
        return new Entry(values, layers, (int) shape[1], (int) shape[2], channels);
    }

    private static DfcException corrupt(Path file, String why) {
        return new DfcException("corrupt feature cache entry " + file + ": " + why + "; delete the file to recompute it");
    }
}
