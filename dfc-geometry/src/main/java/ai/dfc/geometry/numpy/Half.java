package ai.dfc.geometry.numpy;

/**
 * IEEE 754 half-precision conversion (Java 17 has no {@code Float.float16ToFloat}). Round to nearest even,
 * with subnormals, infinities and NaN, as NumPy's {@code astype(np.float16)} does. Stateless; thread-safe.
 */
public final class Half {
    /** The largest finite half-precision value, 65504. */
    public static final float MAX_VALUE = 65504f;

    private Half() {
    }

    /** The float value of the half-precision bit pattern {@code bits} (exact: every half is a float). */
    public static float toFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            // subnormal or zero: mant · 2^-24
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /**
     * The half-precision bit pattern nearest to {@code f} (ties to even). Values of magnitude ≥ 65520 become
     * infinities, magnitudes below 2^-25 become (signed) zero.
     */
    public static short fromFloat(float f) {
        int x = Float.floatToRawIntBits(f);
        int sign = (x >>> 16) & 0x8000;
        int exp = (x >>> 23) & 0xFF;
        int mant = x & 0x7FFFFF;
        if (exp == 0xFF) {
            return (short) (sign | 0x7C00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            // subnormal half: shift the mantissa with the implicit 1, round to nearest even
            int m = mant | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int rem = m & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) == 1)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >>> 13);
        int rem = mant & 0x1FFF;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1)) {
            half++; // may carry into the exponent, which is the correct rounding up to the next binade or infinity
        }
        return (short) (sign | half);
    }
}
