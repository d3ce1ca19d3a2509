package ai.dfc.model.clip;

import ai.dfc.geometry.numpy.NpyArray;
import ai.dfc.geometry.numpy.Npz;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The PyTorch parity fixture of tools/parity/clip_text_reference.py (test resources parity/clip-text). */
final class ClipFixture {
    private ClipFixture() {
    }

    /** The fixture folder (model.safetensors, config.json, vocab.json, merges.txt, io.npz, phrases.json). */
    static Path dir() {
        try {
            return Path.of(ClipFixture.class.getResource("/parity/clip-text/model.safetensors").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> phrases() {
        try {
            return new ObjectMapper().readValue(dir().resolve("phrases.json").toFile(), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, NpyArray> io() {
        try {
            return Npz.read(dir().resolve("io.npz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code input_ids} as int rows. */
    static int[][] inputIds() {
        NpyArray a = io().get("input_ids");
        long[] flat = a.toLongs();
        int n = (int) a.shape()[0];
        int c = (int) a.shape()[1];
        int[][] out = new int[n][c];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < c; t++) {
                out[i][t] = Math.toIntExact(flat[i * c + t]);
            }
        }
        return out;
    }

    /** A float32 array of io.npz as an INDArray of its shape. */
    static INDArray expected(String key) {
        NpyArray a = io().get(key);
        return Nd4j.create(a.toFloats(), a.shape(), 'c');
    }

    static ClipTokenizer tokenizer() {
        return ClipTokenizer.load(dir().resolve("vocab.json"), dir().resolve("merges.txt"));
    }

    static ClipTextModel model() {
        return ClipTextModel.load(dir().resolve("model.safetensors"), ClipTextModel.Config.read(dir().resolve("config.json")));
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sub(b.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE))
                .amaxNumber().doubleValue();
    }
}
