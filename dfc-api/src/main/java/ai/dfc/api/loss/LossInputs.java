package ai.dfc.api.loss;

import java.util.EnumMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The batch's feature variables handed to {@link Loss#define}, keyed by {@link LossInput}. Shapes are fixed
 * for a graph: the training loop builds one graph per batch shape.
 */
public final class LossInputs {
    private final Map<LossInput, SDVariable> variables;

    public LossInputs(Map<LossInput, SDVariable> variables) {
        if (variables == null || variables.isEmpty()) {
            throw new IllegalArgumentException("a loss needs at least one input variable");
        }
        this.variables = new EnumMap<>(variables);
    }

    /**
     * @throws IllegalArgumentException if the batch does not provide {@code input}; the training loop checks
     *                                  {@link Loss#inputs()} first, so this signals a mismatch in a test
     */
    public SDVariable get(LossInput input) {
        SDVariable v = variables.get(input);
        if (v == null) {
            throw new IllegalArgumentException("this batch provides no " + input + " (has " + variables.keySet() + ")");
        }
        return v;
    }

    public boolean has(LossInput input) {
        return variables.containsKey(input);
    }
}
