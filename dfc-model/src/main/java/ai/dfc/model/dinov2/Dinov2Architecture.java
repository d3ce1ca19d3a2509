package ai.dfc.model.dinov2;

/**
 * The shape of a DINOv2 ViT: everything needed to build the graph, read from a checkpoint's tensor shapes (and its
 * {@code config.json} where the shapes are silent, i.e. the head count).
 *
 * @param width        token channels C (384 S, 768 B, 1024 L, 1536 G)
 * @param depth        transformer blocks (12, 12, 24, 40)
 * @param heads        attention heads (C / 64 for every published model)
 * @param ffnHidden    hidden width of the feed-forward layer (4·C, or the SwiGLU width for G)
 * @param swiglu       whether the feed-forward layer is SwiGLU ({@code silu(x·W1)·(x·W2)}) instead of GELU-MLP
 * @param patch        patch size in pixels (14)
 * @param positionGrid side M of the learned positional grid (37 for the 518-px pretraining)
 * @param registers    register tokens (0, or 4 for the {@code -reg} models)
 * @param epsilon      LayerNorm epsilon (1e-6)
 */
public record Dinov2Architecture(int width, int depth, int heads, int ffnHidden, boolean swiglu, int patch,
        int positionGrid, int registers, double epsilon) {

    public Dinov2Architecture {
        if (width <= 0 || depth <= 0 || heads <= 0 || ffnHidden <= 0 || patch <= 0 || positionGrid <= 0
                || registers < 0 || !(epsilon > 0)) {
            throw new IllegalArgumentException("invalid DINOv2 architecture " + width + "/" + depth + "/" + heads);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not divisible by " + heads + " heads");
        }
    }

    /** Channels per head. */
    public int headWidth() {
        return width / heads;
    }

    /** The published name for this shape ("ViT-B/14", "ViT-G/14 + registers"), or a description of a custom one. */
    public String describe() {
        String size = switch (width) {
            case 384 -> depth == 12 ? "S" : null;
            case 768 -> depth == 12 ? "B" : null;
            case 1024 -> depth == 24 ? "L" : null;
            case 1536 -> depth == 40 ? "G" : null;
            default -> null;
        };
        String name = size != null ? "ViT-" + size + "/" + patch
                : "ViT (width " + width + ", " + depth + " blocks, " + heads + " heads)/" + patch;
        return "DINOv2 " + name + (registers > 0 ? " + " + registers + " registers" : "");
    }

    /** A published size by letter (s, b, l, g), for benchmarks with random weights. */
    public static Dinov2Architecture published(String size) {
        return switch (size.toLowerCase(java.util.Locale.ROOT)) {
            case "s", "vits14" -> new Dinov2Architecture(384, 12, 6, 1536, false, 14, 37, 0, 1e-6);
            case "b", "vitb14" -> new Dinov2Architecture(768, 12, 12, 3072, false, 14, 37, 0, 1e-6);
            case "l", "vitl14" -> new Dinov2Architecture(1024, 24, 16, 4096, false, 14, 37, 0, 1e-6);
            case "g", "vitg14" -> new Dinov2Architecture(1536, 40, 24, 4096, true, 14, 37, 0, 1e-6);
            default -> throw new IllegalArgumentException("unknown DINOv2 size '" + size + "' (s, b, l, g)");
        };
    }
}
