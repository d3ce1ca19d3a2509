package ai.dfc.geometry.numpy;

import java.util.Locale;

/**
 * The NumPy element types DFC reads and writes, with their {@code descr} codes. Multi-byte types are stored
 * little-endian by DFC; big-endian files are converted on reading.
 */
public enum DType {
    BOOL("b1", 1),
    UINT8("u1", 1),
    INT8("i1", 1),
    UINT16("u2", 2),
    INT16("i2", 2),
    UINT32("u4", 4),
    INT32("i4", 4),
    UINT64("u8", 8),
    INT64("i8", 8),
    FLOAT16("f2", 2),
    FLOAT32("f4", 4),
    FLOAT64("f8", 8),
    /** Python objects (pickled); only as the payload of an object array. */
    OBJECT("O", 8);

    private final String code;
    private final int size;

    DType(String code, int size) {
        this.code = code;
        this.size = size;
    }

    /** Bytes per element (8 for object references, which are never stored as raw bytes). */
    public int size() {
        return size;
    }

    /** The type code without byte order, e.g. {@code f4}. */
    public String code() {
        return code;
    }

    /** The {@code descr} string DFC writes: {@code <f4}, {@code |u1}, {@code |O}. */
    public String descr() {
        return (size == 1 || this == OBJECT ? "|" : "<") + code;
    }

    /**
     * Parses a {@code descr} like {@code <f4}, {@code >i8}, {@code |b1}, {@code ?}, {@code |O}.
     *
     * @return the type and whether the data is big-endian
     * @throws IllegalArgumentException for types DFC does not support (strings, structured, complex, …)
     */
    static Parsed parse(String descr) {
        String d = descr.strip();
        boolean big = false;
        if (!d.isEmpty() && "<>|=".indexOf(d.charAt(0)) >= 0) {
            big = d.charAt(0) == '>';
            d = d.substring(1);
        }
        if (d.equals("?")) {
            d = "b1";
        }
        if (d.equals("O8") || d.equals("O")) {
            return new Parsed(OBJECT, false);
        }
        for (DType t : values()) {
            if (t.code.equals(d.toLowerCase(Locale.ROOT))) {
                return new Parsed(t, big);
            }
        }
        throw new IllegalArgumentException("unsupported NumPy dtype '" + descr + "'");
    }

    record Parsed(DType type, boolean bigEndian) {
    }
}
