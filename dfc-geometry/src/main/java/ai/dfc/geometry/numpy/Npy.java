package ai.dfc.geometry.numpy;

import ai.dfc.geometry.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0–3.0), the format of the reference's K/RT
 * matrices, point clouds, depth maps and ground-truth correspondences. Written files are C order,
 * little-endian, version 1.0 (2.0 for huge headers), exactly as {@code np.save} writes them. Object arrays are
 * read and written as pickles (see {@link PickleReader}); reading them never executes code.
 */
public final class Npy {
    private Npy() {
    }

    /**
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file if it is not a valid {@code .npy} of a supported dtype
     */
    public static NpyArray read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Writes atomically (temporary file + rename), so readers never see a partial file. */
    public static void write(Path file, NpyArray array) throws IOException {
        AtomicFiles.write(file, encode(array));
    }

    /**
     * What the header of a {@code .npy} file says.
     *
     * @param type         the element type
     * @param bigEndian    whether multi-byte elements are stored big-endian
     * @param fortranOrder whether the data are in Fortran (column-major) order
     * @param shape        the array's shape (empty for a 0-d array)
     * @param dataOffset   the byte offset of the first element from the start of the file
     */
    public record Header(DType type, boolean bigEndian, boolean fortranOrder, long[] shape, int dataOffset) {
        public Header {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** Number of elements. */
        public long count() {
            return NpyArray.count(shape);
        }
    }

    /**
     * Parses the header at the start of a {@code .npy} file (magic, version, the dict literal) without reading its
     * data, e.g. to memory-map the data. {@code start} is read from its position 0 and must hold at least the whole
     * header (4 KiB covers any header of up to a few hundred dimensions); {@code where} names the file in errors.
     *
     * @throws IllegalArgumentException naming {@code where} if the bytes are not a {@code .npy} header of a supported
     *                                  dtype
     */
    public static Header readHeader(ByteBuffer start, String where) {
        ByteBuffer b = start.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position(0);
        int available = b.limit();
        byte[] magic = new byte[Math.min(6, available)];
        b.get(0, magic);
        if (available < 10 || !Arrays.equals(magic, NpyHeader.MAGIC)) {
            throw new IllegalArgumentException(where + ": not a .npy file (missing the \\x93NUMPY magic)");
        }
        int major = b.get(6);
        int headerLength;
        int offset;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xFFFF;
            offset = 10;
        } else if (major == 2 || major == 3) {
            if (available < 12) {
                throw new IllegalArgumentException(where + ": truncated .npy header");
            }
            headerLength = b.getInt(8);
            offset = 12;
        } else {
            throw new IllegalArgumentException(where + ": unsupported .npy format version " + major + "." + b.get(7));
        }
        if (headerLength < 0 || (long) offset + headerLength > available) {
            throw new IllegalArgumentException(where + ": truncated .npy header");
        }
        byte[] textBytes = new byte[headerLength];
        b.get(offset, textBytes);
        String text = new String(textBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text, where);
        DType.Parsed type = DType.parse(header.descr());
        return new Header(type.type(), type.bigEndian(), header.fortranOrder(), header.shape(), offset + headerLength);
    }

    /**
     * The header bytes {@code np.save} writes before the data of a C-order, little-endian array of {@code type} and
     * {@code shape} (64-byte aligned); the data follow directly.
     */
    public static byte[] encodeHeader(DType type, long... shape) {
        if (type == DType.OBJECT) {
            throw new IllegalArgumentException("object arrays are written with encode(NpyArray)");
        }
        NpyArray.count(shape); // rejects negative dimensions
        return new NpyHeader(type.descr(), false, shape).encode();
    }

    /** Parses the bytes of a {@code .npy} file; {@code where} names it in errors. */
    public static NpyArray decode(byte[] bytes, String where) {
        Header h = readHeader(ByteBuffer.wrap(bytes), where);
        DType.Parsed type = new DType.Parsed(h.type(), h.bigEndian());
        byte[] data = Arrays.copyOfRange(bytes, h.dataOffset(), bytes.length);
        if (type.type() == DType.OBJECT) {
            Object value = PickleReader.read(data, where);
            if (value instanceof NpyArray a && a.type() == DType.OBJECT) {
                return a;
            }
            throw new IllegalArgumentException(where + ": an object .npy must hold a pickled object array");
        }
        long expected = h.count() * type.type().size();
        if (data.length < expected) {
            throw new IllegalArgumentException(where + ": truncated .npy data: shape " + Arrays.toString(h.shape())
                    + " of " + type.type() + " needs " + expected + " bytes, file has " + data.length);
        }
        return toCOrderLittleEndian(type, h.shape(), h.fortranOrder(),
                data.length == expected ? data : Arrays.copyOf(data, (int) expected), where);
    }

    /** The bytes of a {@code .npy} file holding {@code array}. */
    public static byte[] encode(NpyArray array) {
        NpyHeader header = new NpyHeader(array.type().descr(), false, array.shape());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.encode());
        out.writeBytes(array.type() == DType.OBJECT ? PickleWriter.write(array) : array.bytes());
        return out.toByteArray();
    }

    /** Converts raw data of any byte order and memory order to DFC's little-endian C order. */
    static NpyArray toCOrderLittleEndian(DType.Parsed type, long[] shape, boolean fortran, byte[] data, String where) {
        int size = type.type().size();
        long n = NpyArray.count(shape);
        if (n * size != data.length) {
            throw new IllegalArgumentException(where + ": shape " + Arrays.toString(shape) + " of " + type.type() + " needs "
                    + n * size + " bytes, found " + data.length);
        }
        byte[] le = data;
        if (type.bigEndian() && size > 1) {
            le = new byte[data.length];
            for (int e = 0; e < n; e++) {
                for (int k = 0; k < size; k++) {
                    le[e * size + k] = data[e * size + size - 1 - k];
                }
            }
        }
        if (fortran && shape.length > 1) {
            le = fortranToC(le, shape, size);
        }
        return NpyArray.ofBytes(type.type(), shape, le);
    }

    private static byte[] fortranToC(byte[] f, long[] shape, int size) {
        int dims = shape.length;
        int n = Math.toIntExact(NpyArray.count(shape));
        byte[] c = new byte[f.length];
        int[] index = new int[dims];
        for (int cPos = 0; cPos < n; cPos++) {
            // C-order position cPos has multi-index `index`; its Fortran position puts the first axis fastest
            int fPos = 0;
            int stride = 1;
            for (int d = 0; d < dims; d++) {
                fPos += index[d] * stride;
                stride *= (int) shape[d];
            }
            System.arraycopy(f, fPos * size, c, cPos * size, size);
            for (int d = dims - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return c;
    }
}
