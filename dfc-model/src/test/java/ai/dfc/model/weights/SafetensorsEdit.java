package ai.dfc.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a safetensors file into raw tensors and writes edited copies (tests of broken checkpoints). */
public final class SafetensorsEdit {
    private SafetensorsEdit() {
    }

    /** One tensor: dtype as in the header, shape, little-endian bytes. */
    public record Tensor(String dtype, long[] shape, byte[] data) {
        /** An array as an F32 tensor. */
        public static Tensor f32(org.nd4j.linalg.api.ndarray.INDArray array) {
            float[] values = array.dup('c').data().asFloat();
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            return new Tensor("F32", array.shape(), b.array());
        }

        /** The same tensor with another shape and as many float32 zeros as that shape needs. */
        public Tensor reshapedF32(long... newShape) {
            long n = Arrays.stream(newShape).reduce(1, (a, b) -> a * b);
            return new Tensor("F32", newShape, new byte[Math.toIntExact(n * 4)]);
        }
    }

    public static Map<String, Tensor> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode header = new ObjectMapper().readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        int dataStart = 8 + (int) headerLength;
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode n = e.getValue();
            long[] shape = new long[n.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = n.get("shape").get(i).asLong();
            }
            int begin = n.get("data_offsets").get(0).asInt();
            int end = n.get("data_offsets").get(1).asInt();
            out.put(e.getKey(), new Tensor(n.get("dtype").asText(), shape,
                    Arrays.copyOfRange(bytes, dataStart + begin, dataStart + end)));
        }
        return out;
    }

    public static Path write(Path file, Map<String, Tensor> tensors) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode n = header.putObject(e.getKey());
            n.put("dtype", e.getValue().dtype());
            n.set("shape", json.valueToTree(e.getValue().shape()));
            n.set("data_offsets", json.valueToTree(new long[] {data.size(), data.size() + e.getValue().data().length}));
            data.writeBytes(e.getValue().data());
        }
        byte[] h = json.writeValueAsBytes(header);
        int padded = (h.length + 7) / 8 * 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.writeBytes(h);
        out.writeBytes(" ".repeat(padded - h.length).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data.toByteArray());
        Files.createDirectories(file.getParent());
        return Files.write(file, out.toByteArray());
    }

    /** Copies {@code source} to {@code target} after {@code edit} changed the table (remove, replace, add tensors). */
    public static Path rewrite(Path source, Path target, java.util.function.Consumer<Map<String, Tensor>> edit)
            throws IOException {
        Map<String, Tensor> tensors = read(source);
        edit.accept(tensors);
        return write(target, tensors);
    }
}
