package ai.dfc.model.weights;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loads tensors for a model definition with exact shape checks and records which tensors were used, so a loader
 * can also reject files with unexpected extra tensors of its own prefix (a sign of a different architecture).
 * Every failure names the file, the tensor, and both shapes. Not thread-safe (one loader, one thread).
 */
public final class CheckpointKeys {
    private final NamedTensors tensors;
    private final String modelDescription;
    private final Set<String> used = new HashSet<>();

    /** @param modelDescription what the loader expects, for messages (e.g. "DINOv2 ViT-B/14") */
    public CheckpointKeys(NamedTensors tensors, String modelDescription) {
        this.tensors = tensors;
        this.modelDescription = modelDescription;
    }

    /** Whether the checkpoint has {@code name}. */
    public boolean has(String name) {
        return tensors.shape(name).isPresent();
    }

    /** The stored shape of a tensor that must exist. */
    public long[] shape(String name) {
        return tensors.shape(name).orElseThrow(() -> missing(name));
    }

    /**
     * The tensor as float32, checked to have exactly {@code shape}; a tensor of the same element count stored with
     * extra leading 1-dimensions (e.g. {@code [1, 1, C]} for {@code [C]}) is accepted and reshaped.
     */
    public INDArray load(String name, long... shape) {
        long[] stored = shape(name);
        if (!Arrays.equals(squeeze(stored), squeeze(shape))) {
            throw new WeightFileException(tensors.source() + ": tensor '" + name + "' has shape "
                    + Arrays.toString(stored) + " but " + modelDescription + " needs " + Arrays.toString(shape));
        }
        used.add(name);
        return tensors.floats(name).reshape('c', shape);
    }

    /** Marks a tensor as deliberately ignored (e.g. a mask token only training uses). */
    public void ignore(String name) {
        used.add(name);
    }

    /**
     * Fails if tensors whose names start with {@code prefix} were neither loaded nor ignored.
     *
     * @param prefix e.g. {@code "encoder.layer."}; {@code ""} checks all
     */
    public void requireAllUsed(String prefix) {
        Set<String> extra = new TreeSet<>();
        for (String n : tensors.names()) {
            if (n.startsWith(prefix) && !used.contains(n)) {
                extra.add(n);
            }
        }
        if (!extra.isEmpty()) {
            throw new WeightFileException(tensors.source() + " has tensors " + modelDescription + " does not use: "
                    + abbreviate(extra) + " (a different architecture or a wrongly read configuration)");
        }
    }

    private WeightFileException missing(String name) {
        return new WeightFileException(tensors.source() + " has no tensor '" + name + "' (needed by "
                + modelDescription + "; the file has " + tensors.names().size() + " tensors"
                + (tensors.names().isEmpty() ? "" : ", e.g. '" + tensors.names().iterator().next() + "'") + ")");
    }

    private static String abbreviate(Set<String> names) {
        return names.size() <= 5 ? names.toString() : names.stream().limit(5).toList() + " and " + (names.size() - 5) + " more";
    }

    private static long[] squeeze(long[] shape) {
        int start = 0;
        while (start < shape.length - 1 && shape[start] == 1) {
            start++;
        }
        return Arrays.copyOfRange(shape, start, shape.length);
    }
}
