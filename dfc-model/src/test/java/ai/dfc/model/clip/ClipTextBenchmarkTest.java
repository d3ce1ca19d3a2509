package ai.dfc.model.clip;

import ai.dfc.api.taxonomy.FunctionName;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encode speed of {@code clip-text}, not part of the build: run with
 * {@code mvn -o -pl dfc-model -am verify -Dtest=ClipTextBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddfc.bench=true} and read {@code BENCH} lines in the test output. Times the 24 reference function phrases as
 * one batch and one phrase alone, on the tiny fixture and on a random model of CLIP ViT-B/32's text size (W 512,
 * 12 layers, 8 heads, vocabulary 49,408, written to a temporary 241 MB file).
 */
@EnabledIfSystemProperty(named = "dfc.bench", matches = "true")
class ClipTextBenchmarkTest {
    @TempDir
    Path dir;

    private static void bench(ClipTextEncoder enc, String label) {
        List<String> phrases = FunctionName.REFERENCE.stream().map(FunctionName::phrase).toList();
        double[] batch = new double[12];
        double[] single = new double[12];
        for (int rep = 0; rep < batch.length; rep++) {
            long t0 = System.nanoTime();
            enc.encode(phrases);
            long t1 = System.nanoTime();
            enc.encode(List.of(phrases.get(rep)));
            long t2 = System.nanoTime();
            batch[rep] = (t1 - t0) / 1e6;
            single[rep] = (t2 - t1) / 1e6;
        }
        System.out.printf("BENCH %s batch24 ms %s%nBENCH %s single ms %s%n", label, Arrays.toString(batch), label, Arrays.toString(single));
        Arrays.sort(batch);
        Arrays.sort(single);
        System.out.printf("BENCH %s batch of 24: median %.1f ms (%.0f phrases/s), best %.1f ms (%.0f phrases/s);"
                + " one phrase: median %.1f ms, best %.1f ms%n", label, batch[6], 24000 / batch[6], batch[0],
                24000 / batch[0], single[6], single[0]);
    }

    @Test
    void tiny() {
        try (ClipTextEncoder enc = ClipTextEncoder.open(ClipTextEncoder.Config.in(ClipFixture.dir()))) {
            bench(enc, "tiny");
        }
    }

    @Test
    void vitB32() throws IOException {
        int v = 49408, w = 512, layers = 12, inner = 2048, c = 77, p = 512;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("text_model.embeddings.token_embedding.weight", new long[] {v, w});
        shapes.put("text_model.embeddings.position_embedding.weight", new long[] {c, w});
        for (int i = 0; i < layers; i++) {
            String l = "text_model.encoder.layers." + i + ".";
            for (String ln : new String[] {"layer_norm1.", "layer_norm2."}) {
                shapes.put(l + ln + "weight", new long[] {w});
                shapes.put(l + ln + "bias", new long[] {w});
            }
            for (String proj : new String[] {"q_proj.", "k_proj.", "v_proj.", "out_proj."}) {
                shapes.put(l + "self_attn." + proj + "weight", new long[] {w, w});
                shapes.put(l + "self_attn." + proj + "bias", new long[] {w});
            }
            shapes.put(l + "mlp.fc1.weight", new long[] {inner, w});
            shapes.put(l + "mlp.fc1.bias", new long[] {inner});
            shapes.put(l + "mlp.fc2.weight", new long[] {w, inner});
            shapes.put(l + "mlp.fc2.bias", new long[] {w});
        }
        shapes.put("text_model.final_layer_norm.weight", new long[] {w});
        shapes.put("text_model.final_layer_norm.bias", new long[] {w});
        shapes.put("text_projection.weight", new long[] {p, w});
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long n = Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b) * 4;
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            t.set("shape", json.valueToTree(e.getValue()));
            t.set("data_offsets", json.valueToTree(new long[] {offset, offset + n}));
            offset += n;
        }
        byte[] h = json.writeValueAsBytes(header);
        int padded = (h.length + 7) / 8 * 8;
        Path file = dir.resolve("model.safetensors");
        Random rnd = new Random(1);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(h);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            head.flip();
            ch.write(head);
            for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                long n = Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
                ByteBuffer b = ByteBuffer.allocate((int) n * 4).order(ByteOrder.LITTLE_ENDIAN);
                boolean ln = e.getKey().contains("layer_norm") && e.getKey().endsWith("weight");
                for (long i = 0; i < n; i++) {
                    b.putFloat(ln ? 1f : (float) (rnd.nextGaussian() * 0.02));
                }
                b.flip();
                ch.write(b);
            }
        }
        Files.writeString(dir.resolve("config.json"), "{\"projection_dim\": 512, \"text_config\": {\"hidden_size\": 512,"
                + " \"num_attention_heads\": 8, \"num_hidden_layers\": 12, \"hidden_act\": \"quick_gelu\", \"layer_norm_eps\": 1e-05}}");
        Files.copy(ClipFixture.dir().resolve("vocab.json"), dir.resolve("vocab.json"));
        Files.copy(ClipFixture.dir().resolve("merges.txt"), dir.resolve("merges.txt"));
        long t0 = System.nanoTime();
        try (ClipTextEncoder enc = ClipTextEncoder.open(ClipTextEncoder.Config.in(dir))) {
            System.out.printf("BENCH vitb32 load %.0f ms (%d MB file)%n", (System.nanoTime() - t0) / 1e6, Files.size(file) >> 20);
            bench(enc, "vitb32");
        }
    }
}
