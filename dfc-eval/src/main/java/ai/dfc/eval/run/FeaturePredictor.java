package ai.dfc.eval.run;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.correspondence.CorrespondenceMethod;
import ai.dfc.api.correspondence.PixelFeatures;
import ai.dfc.api.image.Mask;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.eval.match.CycleProposals;
import ai.dfc.eval.match.TopOneMatcher;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Predictions from a {@link CorrespondenceMethod}'s dense features (SPEC §7.1–7.2).
 *
 * <p>Regions. Label transfer searches image 2's object mask; when the method predicts functional masks, the
 * search is restricted to predicted ∩ object mask. Discovery with functional masks runs the cycle-consistent
 * proposal twice — on the functional regions of both images, then on the rest of both objects — and puts all
 * functional proposals first; without masks, or if any of the four regions has fewer than 16 pixels, it runs once on
 * the object masks. <b>Deviation:</b> the reference's full-model label transfer has no fallback (an empty predicted
 * mask degenerates to pixel (0, 0)); DFC applies the same 16-pixel fallback as for discovery and external masks.
 *
 * <p>Features of the last two images are kept, so both directions of a pair describe each image once.
 */
public final class FeaturePredictor implements Predictor {
    /** The reference's minimum region size. */
    public static final int MIN_REGION = 16;

    private final CorrespondenceMethod method;
    private final Map<EvalImage, PixelFeatures> cache = new IdentityHashMap<>();
    private FunctionName cachedFunction;

    public FeaturePredictor(CorrespondenceMethod method) {
        this.method = method;
    }

    @Override
    public String name() {
        return method.name();
    }

    private PixelFeatures features(EvalImage image, FunctionName function) {
        if (!function.equals(cachedFunction) || !cache.containsKey(image) && cache.size() >= 2) {
            cache.clear();
            cachedFunction = function;
        }
        return cache.computeIfAbsent(image, i -> method.describe(i, function));
    }

    private static boolean[] bits(Mask m) {
        boolean[] b = new boolean[m.size().area()];
        for (int i : m.flatIndices()) {
            b[i] = true;
        }
        return b;
    }

    private static Mask functional(PixelFeatures f, EvalImage image) {
        return f.functionalMask() == null ? null : f.functionalMask().and(image.objectMask());
    }

    @Override
    public int[] transfer(EvalImage image1, EvalImage image2, FunctionName function, int[] queries) {
        PixelFeatures f1 = features(image1, function);
        PixelFeatures f2 = features(image2, function);
        Mask region = image2.objectMask();
        Mask fun1 = functional(f1, image1);
        Mask fun2 = functional(f2, image2);
        if (fun1 != null && fun2 != null && fun1.count() >= MIN_REGION && fun2.count() >= MIN_REGION) {
            region = fun2;
        }
        int w1 = image1.image().width();
        int w2 = image2.image().width();
        int[] rows = new int[queries.length / 2];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = queries[2 * i] * w1 + queries[2 * i + 1];
        }
        INDArray q = f1.features().getRows(rows);
        TopOneMatcher.Result r = TopOneMatcher.match(q, f2.features(), bits(region), TopOneMatcher.DEFAULT_BLOCK);
        int[] out = new int[queries.length];
        for (int i = 0; i < rows.length; i++) {
            out[2 * i] = r.index()[i] / w2;
            out[2 * i + 1] = r.index()[i] % w2;
        }
        return out;
    }

    @Override
    public Proposals discover(EvalImage image1, EvalImage image2, FunctionName function) {
        PixelFeatures f1 = features(image1, function);
        PixelFeatures f2 = features(image2, function);
        int w = image1.image().width();
        Mask fun1 = functional(f1, image1);
        Mask fun2 = functional(f2, image2);
        if (fun1 != null && fun2 != null) {
            Mask rest1 = image1.objectMask().andNot(fun1);
            Mask rest2 = image2.objectMask().andNot(fun2);
            if (fun1.count() >= MIN_REGION && fun2.count() >= MIN_REGION && rest1.count() >= MIN_REGION
                    && rest2.count() >= MIN_REGION) {
                CycleProposals.Ranked fg = CycleProposals.propose(f1.features(), bits(fun1), f2.features(), bits(fun2), w);
                CycleProposals.Ranked bg = CycleProposals.propose(f1.features(), bits(rest1), f2.features(), bits(rest2), w);
                return new Proposals(concat(fg, bg), fg.size());
            }
        }
        return new Proposals(CycleProposals.propose(f1.features(), bits(image1.objectMask()), f2.features(),
                bits(image2.objectMask()), w), 0);
    }

    private static CycleProposals.Ranked concat(CycleProposals.Ranked a, CycleProposals.Ranked b) {
        int[] s = new int[a.source().length + b.source().length];
        int[] t = new int[s.length];
        double[] sc = new double[a.size() + b.size()];
        System.arraycopy(a.source(), 0, s, 0, a.source().length);
        System.arraycopy(b.source(), 0, s, a.source().length, b.source().length);
        System.arraycopy(a.target(), 0, t, 0, a.target().length);
        System.arraycopy(b.target(), 0, t, a.target().length, b.target().length);
        System.arraycopy(a.score(), 0, sc, 0, a.size());
        System.arraycopy(b.score(), 0, sc, a.size(), b.size());
        return new CycleProposals.Ranked(s, t, sc);
    }
}
