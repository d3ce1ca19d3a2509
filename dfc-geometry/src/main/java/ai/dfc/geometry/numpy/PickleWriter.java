package ai.dfc.geometry.numpy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes Python data as a protocol-3 pickle the way NumPy pickles arrays, so {@code np.load(...,
 * allow_pickle=True)} reads it with NumPy 1.x and 2.x. Arrays are reconstructed through
 * {@code numpy.core.multiarray._reconstruct} (the name NumPy 1.x writes; NumPy 2 still resolves it). Supported
 * values: null, Boolean, Integer/Long, Double, String, byte[], List (written as a list), Map with String keys,
 * and {@link NpyArray}.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PickleWriter() {
    }

    static byte[] write(Object value) {
        PickleWriter w = new PickleWriter();
        w.out.write(0x80);
        w.out.write(3);
        w.value(value);
        w.out.write('.');
        return w.out.toByteArray();
    }

    private void value(Object v) {
        if (v == null) {
            out.write('N');
        } else if (v instanceof Boolean b) {
            out.write(b ? 0x88 : 0x89);
        } else if (v instanceof Integer || v instanceof Long) {
            integer(((Number) v).longValue());
        } else if (v instanceof Double d) {
            out.write('G');
            long bits = Double.doubleToLongBits(d);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (bits >>> (8 * i)));
            }
        } else if (v instanceof String s) {
            text(s);
        } else if (v instanceof byte[] b) {
            out.write('B');
            int32(b.length);
            out.writeBytes(b);
        } else if (v instanceof List<?> l) {
            out.write(']');
            if (!l.isEmpty()) {
                out.write('(');
                l.forEach(this::value);
                out.write('e');
            }
        } else if (v instanceof Map<?, ?> m) {
            out.write('}');
            if (!m.isEmpty()) {
                out.write('(');
                m.forEach((k, x) -> {
                    if (!(k instanceof String)) {
                        throw new IllegalArgumentException("only string keys can be pickled, got " + k);
                    }
                    value(k);
                    value(x);
                });
                out.write('u');
            }
        } else if (v instanceof NpyArray a) {
            array(a);
        } else {
            throw new IllegalArgumentException("cannot pickle a " + v.getClass().getName());
        }
    }

    private void array(NpyArray a) {
        global("numpy.core.multiarray", "_reconstruct");
        global("numpy", "ndarray");
        integer(0);
        out.write(0x85);
        out.write('C');
        out.write(1);
        out.write('b');
        out.write(0x87);
        out.write('R');
        // state: (1, shape, dtype, is_fortran, raw data or list of objects)
        out.write('(');
        integer(1);
        out.write('(');
        for (long d : a.shape()) {
            integer(d);
        }
        out.write('t');
        dtype(a.type());
        out.write(0x89);
        if (a.type() == DType.OBJECT) {
            value(a.objects());
        } else {
            value(a.bytes());
        }
        out.write('t');
        out.write('b');
    }

    private void dtype(DType type) {
        global("numpy", "dtype");
        text(type == DType.OBJECT ? "O8" : type.code());
        out.write(0x89);
        out.write(0x88);
        out.write(0x87);
        out.write('R');
        // dtype state: (3, byte order, subarray, names, fields, elsize, alignment, flags)
        out.write('(');
        integer(3);
        text(type.size() == 1 || type == DType.OBJECT ? "|" : "<");
        out.write('N');
        out.write('N');
        out.write('N');
        integer(-1);
        integer(-1);
        integer(type == DType.OBJECT ? 63 : 0);
        out.write('t');
        out.write('b');
    }

    private void global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        int32(b.length);
        out.writeBytes(b);
    }

    private void integer(long v) {
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            int32((int) v);
        } else {
            out.write(0x8a);
            out.write(8);
            for (int i = 0; i < 8; i++) {
                out.write((int) (v >>> (8 * i)));
            }
        }
    }

    private void int32(int v) {
        for (int i = 0; i < 4; i++) {
            out.write(v >>> (8 * i));
        }
    }
}
