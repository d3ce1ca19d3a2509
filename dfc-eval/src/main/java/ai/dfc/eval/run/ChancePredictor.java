package ai.dfc.eval.run;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.eval.match.CycleProposals;
import java.util.Random;

/**
 * The reference's Chance baseline (SPEC §7.1–7.2): label transfer picks a uniformly random pixel of image 2's object
 * mask for every query (with replacement); discovery pairs every object pixel of image 1 with a random object pixel
 * of image 2, in random order. Deterministic from the seed.
 */
public final class ChancePredictor implements Predictor {
    private final Random random;

    public ChancePredictor(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "Chance";
    }

    @Override
    public int[] transfer(EvalImage image1, EvalImage image2, FunctionName function, int[] queries) {
        int[] target = image2.objectMask().flatIndices();
        int w = image2.image().width();
        int[] out = new int[queries.length];
        for (int i = 0; i < queries.length / 2; i++) {
            int p = target.length == 0 ? 0 : target[random.nextInt(target.length)];
            out[2 * i] = p / w;
            out[2 * i + 1] = p % w;
        }
        return out;
    }

    @Override
    public Proposals discover(EvalImage image1, EvalImage image2, FunctionName function) {
        int[] source = image1.objectMask().flatIndices();
        int[] target = image2.objectMask().flatIndices();
        int w1 = image1.image().width();
        int w2 = image2.image().width();
        int n = target.length == 0 ? 0 : source.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] s = new int[2 * n];
        int[] t = new int[2 * n];
        double[] score = new double[n];
        for (int r = 0; r < n; r++) {
            int p = source[order[r]];
            int q = target[random.nextInt(target.length)];
            s[2 * r] = p / w1;
            s[2 * r + 1] = p % w1;
            t[2 * r] = q / w2;
            t[2 * r + 1] = q % w2;
        }
        return new Proposals(new CycleProposals.Ranked(s, t, score), 0);
    }
}
