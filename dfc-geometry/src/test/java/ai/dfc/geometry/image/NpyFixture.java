package ai.dfc.geometry.image;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A C-order {@code uint8} or little-endian {@code int32} array read from a NumPy {@code .npy} test resource
 * written by {@code tools/image_ops_reference.py} (format versions 1.x–3.x, no pickles).
 */
record NpyFixture(int[] shape, int[] values) {
    private static final String DIR = "/ai/dfc/geometry/image/";
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    static NpyFixture read(String name) {
        try (InputStream raw = NpyFixture.class.getResourceAsStream(DIR + name)) {
            if (raw == null) {
                throw new IllegalArgumentException("no test resource " + DIR + name);
            }
            DataInputStream in = new DataInputStream(raw);
            byte[] magic = in.readNBytes(6);
            if (magic.length != 6 || magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII)
                    .equals("NUMPY")) {
                throw new IllegalArgumentException(name + " is not an .npy file");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            int headerLength = major == 1
                    ? Short.toUnsignedInt(Short.reverseBytes(in.readShort()))
                    : Integer.reverseBytes(in.readInt());
            String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
            String descr = group(DESCR, header, name);
            if (group(ORDER, header, name).equals("True")) {
                throw new IllegalArgumentException(name + ": Fortran order is not supported");
            }
            int[] shape = Arrays.stream(group(SHAPE, header, name).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
            int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            byte[] data = in.readAllBytes();
            int[] values = new int[count];
            switch (descr) {
                case "|u1" -> {
                    for (int i = 0; i < count; i++) {
                        values[i] = data[i] & 0xFF;
                    }
                }
                case "<i4" -> ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
                default -> throw new IllegalArgumentException(name + ": unsupported dtype " + descr);
            }
            return new NpyFixture(shape, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String group(Pattern p, String header, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(name + ": malformed header " + header);
        }
        return m.group(1);
    }

    boolean isRgb() {
        return shape.length == 3 && shape[2] == 3;
    }

    ImageSize size() {
        return new ImageSize(shape[1], shape[0]);
    }

    byte[] bytes() {
        byte[] out = new byte[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    GrayImage gray() {
        if (shape.length != 2) {
            throw new IllegalStateException("not a grey image: shape " + Arrays.toString(shape));
        }
        return new GrayImage(size(), bytes());
    }

    RgbImage rgb() {
        if (!isRgb()) {
            throw new IllegalStateException("not an RGB image: shape " + Arrays.toString(shape));
        }
        return new RgbImage(size(), bytes());
    }
}
