package ai.dfc.api.image;

import java.util.BitSet;

/**
 * An immutable binary mask (object mask, functional-part mask, pseudo label), row-major.
 */
public final class Mask {
    private final ImageSize size;
    private final BitSet bits;

    private Mask(ImageSize size, BitSet bits) {
        this.size = size;
        this.bits = bits;
    }

    /** An all-false mask. */
    public static Mask empty(ImageSize size) {
        return new Mask(size, new BitSet(size.area()));
    }

    /**
     * A mask from bytes, one per pixel, row-major: non-zero is foreground (so 0/1 and 0/255 masks both
     * work).
     */
    public static Mask fromBytes(ImageSize size, byte[] values) {
        if (values.length != size.area()) {
            throw new IllegalArgumentException("expected " + size.area() + " mask values for " + size + ", got "
                    + values.length);
        }
        BitSet bits = new BitSet(size.area());
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                bits.set(i);
            }
        }
        return new Mask(size, bits);
    }

    /** A mask from booleans, row-major. */
    public static Mask fromBooleans(ImageSize size, boolean[] values) {
        if (values.length != size.area()) {
            throw new IllegalArgumentException("expected " + size.area() + " mask values for " + size + ", got "
                    + values.length);
        }
        BitSet bits = new BitSet(size.area());
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                bits.set(i);
            }
        }
        return new Mask(size, bits);
    }

    public ImageSize size() {
        return size;
    }

    /** Whether {@code (row, col)} is foreground. */
    public boolean get(int row, int col) {
        if (!size.contains(row, col)) {
            throw new IndexOutOfBoundsException("pixel (row " + row + ", col " + col + ") outside " + size);
        }
        return bits.get(row * size.width() + col);
    }

    /** Number of foreground pixels. */
    public int count() {
        return bits.cardinality();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** Pixels foreground in both masks. */
    public Mask and(Mask other) {
        requireSameSize(other);
        BitSet b = (BitSet) bits.clone();
        b.and(other.bits);
        return new Mask(size, b);
    }

    /** Pixels foreground here and background in {@code other}. */
    public Mask andNot(Mask other) {
        requireSameSize(other);
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return new Mask(size, b);
    }

    /** Row-major flat indices ({@code row·width + col}) of the foreground pixels, ascending. */
    public int[] flatIndices() {
        return bits.stream().toArray();
    }

    /** One byte per pixel, row-major, 0 or 1. */
    public byte[] toBytes() {
        byte[] out = new byte[size.area()];
        bits.stream().forEach(i -> out[i] = 1);
        return out;
    }

    private void requireSameSize(Mask other) {
        if (!size.equals(other.size)) {
            throw new IllegalArgumentException("mask sizes differ: " + size + " vs " + other.size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask other && size.equals(other.size) && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return 31 * size.hashCode() + bits.hashCode();
    }

    @Override
    public String toString() {
        return "Mask[" + size + ", " + count() + " px]";
    }
}
