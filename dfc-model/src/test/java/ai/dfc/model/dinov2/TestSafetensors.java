package ai.dfc.model.dinov2;

import ai.dfc.model.weights.SafetensorsFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Rewrites a fixture checkpoint with one tensor changed, as F32 safetensors, for checkpoint-error tests. */
final class TestSafetensors {
    private TestSafetensors() {
    }

    /**
     * Copies {@code source} to {@code target}; {@code edit} maps each (name → array) table before writing (remove a
     * key, reshape an array, …).
     */
    static Path rewrite(Path source, Path target, UnaryOperator<Map<String, INDArray>> edit) throws IOException {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        try (SafetensorsFile f = SafetensorsFile.open(source)) {
            for (String n : f.names()) {
                tensors.put(n, f.floats(n));
            }
        }
        write(target, edit.apply(tensors));
        return target;
    }

    static void write(Path target, Map<String, INDArray> tensors) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
            float[] values = e.getValue().dup('c').data().asFloat();
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", "F32");
            var shape = entry.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(data.size()).add(data.size() + values.length * 4L);
            data.writeBytes(b.array());
        }
        byte[] h = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.writeBytes(h);
        out.writeBytes(data.toByteArray());
        Files.write(target, out.toByteArray());
    }
}
