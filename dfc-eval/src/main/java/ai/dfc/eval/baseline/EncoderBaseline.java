package ai.dfc.eval.baseline;

import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.correspondence.CorrespondenceMethod;
import ai.dfc.api.correspondence.PixelFeatures;
import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.taxonomy.FunctionName;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The reference's raw-encoder baseline ({@code get_DINO_heatmap}, SPEC §5.3) for any {@link Encoder}: the layers the
 * encoder returns averaged with equal weights, each token L2-normalized, bilinearly sampled at every pixel
 * ({@link BilinearSampler}), and L2-normalized again; no projection, no text, no functional mask. With DINOv2
 * ViT-B/14's last three blocks this is the paper's "Dino" baseline.
 */
public final class EncoderBaseline implements CorrespondenceMethod {
    private final Encoder encoder;
    private final String name;
    private BilinearSampler sampler;

    /** The encoder stays owned by the caller. */
    public EncoderBaseline(Encoder encoder, String name) {
        this.encoder = encoder;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PixelFeatures describe(EvalImage image, FunctionName function) {
        int h = image.image().height();
        int w = image.image().width();
        INDArray input = Nd4j.createFromArray(image.image().toChwFloats()).reshape(1, 3, h, w);
        DenseTokens tokens = encoder.encode(input);
        INDArray mean = tokens.tokens().get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all()).mean(0); // [h·w, C]
        INDArray normalized = normalizeRows(mean);
        if (sampler == null || sampler.height() != h || sampler.width() != w) {
            sampler = new BilinearSampler(h, w, tokens.gridHeight(), tokens.gridWidth());
        }
        return new PixelFeatures(normalizeRows(sampler.sample(normalized)), image.image().size(), null);
    }

    /** Rows divided by their L2 norm; zero rows stay zero. */
    static INDArray normalizeRows(INDArray m) {
        INDArray norms = m.norm2(1).reshape(m.size(0), 1);
        norms.addi(1e-12);
        return m.divColumnVector(norms);
    }

    @Override
    public void close() {
        // the encoder belongs to the caller
    }
}
