package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.loss.Loss;
import ai.dfc.api.loss.LossInput;
import ai.dfc.api.loss.LossInputs;
import ai.dfc.api.plugin.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link Loss} contract: the term declares its inputs, returns a finite float32 scalar, and its SameDiff
 * gradient with respect to every input agrees with central finite differences (ND4J M2.1 has ops whose
 * backprop is wrong, DESIGN §5).
 *
 * @param <C> the settings record
 */
public abstract class LossContractTest<C extends Record> extends PluginContractTest<C, Loss> {
    /** Small batch sizes for the checks: functional pairs, points, feature dim, spatial pairs, correspondences. */
    protected static final int P = 2;
    protected static final int N = 4;
    protected static final int D = 8;
    protected static final int B = 2;
    protected static final int M = 5;

    @Override
    protected final Role role() {
        return Role.LOSS;
    }

    /** The array the check feeds for {@code input}: unit-norm random features or random logits. */
    protected INDArray sampleInput(LossInput input, Random random) {
        long[] shape = switch (input) {
            case MASK_LOGIT_POSITIVE_A, MASK_LOGIT_POSITIVE_B, MASK_LOGIT_NEGATIVE_A, MASK_LOGIT_NEGATIVE_B ->
                    new long[] {P, N};
            case SPATIAL_FIRST, SPATIAL_SECOND -> new long[] {B, M, D};
            default -> new long[] {P, N, D};
        };
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, random.nextGaussian());
        }
        return shape.length == 3 ? normalizeRows(a) : a;
    }

    private static INDArray normalizeRows(INDArray a) {
        long[] shape = a.shape();
        INDArray flat = a.reshape(shape[0] * shape[1], shape[2]).dup();
        for (int r = 0; r < flat.rows(); r++) {
            INDArray row = flat.getRow(r);
            row.divi(row.norm2Number());
        }
        return flat.reshape(shape);
    }

    private record Graph(SameDiff sd, SDVariable out, Map<LossInput, SDVariable> vars) {
    }

    private Graph build(Loss loss, long seed) {
        Random random = new Random(seed);
        SameDiff sd = SameDiff.create();
        Map<LossInput, SDVariable> vars = new EnumMap<>(LossInput.class);
        for (LossInput input : LossInput.values()) {
            vars.put(input, sd.var("in_" + input.name().toLowerCase(), sampleInput(input, random)));
        }
        SDVariable out = loss.define(sd, new LossInputs(vars));
        sd.setLossVariables(out.name());
        return new Graph(sd, out, vars);
    }

    private static double value(Graph g) {
        return g.sd().outputSingle(Map.of(), g.out().name()).getDouble(0);
    }

    @Test
    void declaresItsInputsAndReturnsAFiniteScalar() {
        Loss loss = create();
        assertThat(loss.inputs()).isNotEmpty();
        Graph g = build(loss, 1);
        INDArray v = g.sd().outputSingle(Map.of(), g.out().name());
        assertThat(v.length()).isEqualTo(1);
        assertThat(v.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(Double.isFinite(v.getDouble(0))).isTrue();
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Loss loss = create();
        Graph g = build(loss, 2);
        List<String> names = new ArrayList<>();
        for (LossInput input : loss.inputs()) {
            names.add(g.vars().get(input).name());
        }
        Map<String, INDArray> grads = g.sd().calculateGradients(Map.of(), names);
        Random random = new Random(3);
        double eps = 1e-3;
        for (LossInput input : loss.inputs()) {
            SDVariable var = g.vars().get(input);
            INDArray arr = var.getArr();
            INDArray grad = grads.get(var.name());
            assertThat(grad).as("gradient for %s", input).isNotNull();
            for (int k = 0; k < 6; k++) {
                long i = random.nextInt((int) arr.length());
                double x = arr.getDouble(i);
                arr.putScalar(i, x + eps);
                double plus = value(g);
                arr.putScalar(i, x - eps);
                double minus = value(g);
                arr.putScalar(i, x);
                double numeric = (plus - minus) / (2 * eps);
                double analytic = grad.getDouble(i);
                assertThat(Math.abs(analytic - numeric)).as("d loss / d %s[%d]: analytic %s, numeric %s", input, i,
                        analytic, numeric).isLessThanOrEqualTo(1e-2 + 0.05 * Math.abs(numeric));
            }
        }
    }
}
