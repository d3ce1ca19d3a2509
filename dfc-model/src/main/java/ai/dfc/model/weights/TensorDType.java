package ai.dfc.model.weights;

import java.util.Locale;

/** The element types a safetensors header may name, with their sizes. Only the floating types convert to float32. */
public enum TensorDType {
    BOOL(1, false), U8(1, false), I8(1, false), I16(2, false), U16(2, false), F16(2, true), BF16(2, true),
    I32(4, false), U32(4, false), F32(4, true), I64(8, false), U64(8, false), F64(8, true);

    private final int bytes;
    private final boolean floating;

    TensorDType(int bytes, boolean floating) {
        this.bytes = bytes;
        this.floating = floating;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Whether {@link NamedTensors#floats} can convert it. */
    public boolean floating() {
        return floating;
    }

    /** The header's spelling ({@code "F32"}), or {@code null} if unknown. */
    static TensorDType parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
