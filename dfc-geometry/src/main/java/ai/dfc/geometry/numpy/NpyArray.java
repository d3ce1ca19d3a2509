package ai.dfc.geometry.numpy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional NumPy array held in memory: element type, shape and C-order (row-major) little-endian data.
 * Fortran-order files are transposed to C order on reading. Object arrays ({@link DType#OBJECT}) hold their
 * unpickled Python values in {@link #objects()} instead of bytes. Immutable.
 */
public final class NpyArray {
    private final DType type;
    private final long[] shape;
    private final byte[] data;
    private final List<Object> objects;

    private NpyArray(DType type, long[] shape, byte[] data, List<Object> objects) {
        this.type = type;
        this.shape = shape.clone();
        this.data = data;
        this.objects = objects;
    }

    /**
     * An array from raw little-endian C-order bytes.
     *
     * @throws IllegalArgumentException if the byte count does not match the shape
     */
    public static NpyArray ofBytes(DType type, long[] shape, byte[] data) {
        if (type == DType.OBJECT) {
            throw new IllegalArgumentException("object arrays hold objects, not bytes");
        }
        long n = count(shape);
        if (n * type.size() != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + type + " needs " + n * type.size()
                    + " bytes, got " + data.length);
        }
        return new NpyArray(type, shape, data.clone(), null);
    }

    /** An object array (e.g. a 0-d array holding a pickled dict, as NumPy saves a Python dict). */
    public static NpyArray ofObjects(long[] shape, List<?> values) {
        if (count(shape) != values.size()) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count(shape) + " objects, got "
                    + values.size());
        }
        return new NpyArray(DType.OBJECT, shape, new byte[0], List.copyOf(values));
    }

    public static NpyArray of(float[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 4);
        b.asFloatBuffer().put(values);
        return ofBytes(DType.FLOAT32, shape, b.array());
    }

    public static NpyArray of(double[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 8);
        b.asDoubleBuffer().put(values);
        return ofBytes(DType.FLOAT64, shape, b.array());
    }

    public static NpyArray of(int[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 4);
        b.asIntBuffer().put(values);
        return ofBytes(DType.INT32, shape, b.array());
    }

    public static NpyArray of(long[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 8);
        b.asLongBuffer().put(values);
        return ofBytes(DType.INT64, shape, b.array());
    }

    /** A uint8 array. */
    public static NpyArray ofUnsignedBytes(byte[] values, long... shape) {
        return ofBytes(DType.UINT8, shape, values);
    }

    /** A float16 array; values are rounded to the nearest half-precision number. */
    public static NpyArray ofHalf(float[] values, long... shape) {
        ByteBuffer b = buffer(values.length * 2);
        for (float v : values) {
            b.putShort(Half.fromFloat(v));
        }
        return ofBytes(DType.FLOAT16, shape, b.array());
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static long count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    public DType type() {
        return type;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public long size() {
        return count(shape);
    }

    /** A copy of the raw little-endian C-order bytes. */
    public byte[] bytes() {
        if (type == DType.OBJECT) {
            throw new IllegalStateException("an object array has no raw bytes");
        }
        return data.clone();
    }

    /** The elements of an object array, C order. */
    public List<Object> objects() {
        if (type != DType.OBJECT) {
            throw new IllegalStateException("not an object array but " + type);
        }
        return objects;
    }

    private ByteBuffer view() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private int intSize() {
        long n = size();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException("array of " + n + " elements is too large for a Java array");
        }
        return (int) n;
    }

    /** All elements as doubles, converting from any numeric type (unsigned types read as unsigned). */
    public double[] toDoubles() {
        int n = intSize();
        double[] out = new double[n];
        ByteBuffer b = view();
        for (int i = 0; i < n; i++) {
            out[i] = element(b, i);
        }
        return out;
    }

    /** All elements as floats (float16/32 exact; other types converted). */
    public float[] toFloats() {
        int n = intSize();
        float[] out = new float[n];
        ByteBuffer b = view();
        for (int i = 0; i < n; i++) {
            out[i] = type == DType.FLOAT16 ? Half.toFloat(b.getShort(2 * i)) : (float) element(b, i);
        }
        return out;
    }

    /**
     * All elements as ints.
     *
     * @throws IllegalStateException for floating-point arrays or values outside the int range
     */
    public int[] toInts() {
        long[] longs = toLongs();
        int[] out = new int[longs.length];
        for (int i = 0; i < longs.length; i++) {
            out[i] = Math.toIntExact(longs[i]);
        }
        return out;
    }

    /** All elements as longs; floating-point arrays are rejected. */
    public long[] toLongs() {
        if (type == DType.FLOAT16 || type == DType.FLOAT32 || type == DType.FLOAT64 || type == DType.OBJECT) {
            throw new IllegalStateException("expected an integer array, found " + type);
        }
        int n = intSize();
        long[] out = new long[n];
        ByteBuffer b = view();
        for (int i = 0; i < n; i++) {
            out[i] = integerAt(b, i);
            if (type == DType.UINT64 && out[i] < 0) {
                throw new IllegalStateException("uint64 value beyond the long range at element " + i);
            }
        }
        return out;
    }

    /** Element {@code i} of an integer or boolean array (uint64 returned as its raw bits). */
    private long integerAt(ByteBuffer b, int i) {
        return switch (type) {
            case BOOL, UINT8 -> b.get(i) & 0xFF;
            case INT8 -> b.get(i);
            case UINT16 -> b.getShort(2 * i) & 0xFFFF;
            case INT16 -> b.getShort(2 * i);
            case UINT32 -> b.getInt(4 * i) & 0xFFFFFFFFL;
            case INT32 -> b.getInt(4 * i);
            case UINT64, INT64 -> b.getLong(8 * i);
            default -> throw new IllegalStateException("expected an integer array, found " + type);
        };
    }

    private double element(ByteBuffer b, int i) {
        return switch (type) {
            case FLOAT16 -> Half.toFloat(b.getShort(2 * i));
            case FLOAT32 -> b.getFloat(4 * i);
            case FLOAT64 -> b.getDouble(8 * i);
            case UINT64 -> {
                long v = b.getLong(8 * i);
                yield v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
            }
            case OBJECT -> throw new IllegalStateException("object arrays have no numeric elements");
            default -> integerAt(b, i);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray other && type == other.type && Arrays.equals(shape, other.shape)
                && Arrays.equals(data, other.data) && java.util.Objects.equals(objects, other.objects);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[" + type + " " + Arrays.toString(shape) + "]";
    }
}
