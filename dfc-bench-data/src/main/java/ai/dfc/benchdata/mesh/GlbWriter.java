package ai.dfc.benchdata.mesh;

import ai.dfc.geometry.io.AtomicFiles;
import ai.dfc.geometry.mesh.TriangleMesh;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link TriangleMesh} as a binary glTF 2.0 file: one node and mesh per part, named after the part, with a
 * distinct base colour each, so any glTF viewer shows the parts and {@link GltfMeshReader} reads them back.
 * Written by hand because it takes a page: jgltf's model builder lives in a separate artifact, and GLB is a
 * 12-byte header, a JSON chunk and a binary chunk.
 */
public final class GlbWriter {
    private static final int GLB_MAGIC = 0x46546C67; // "glTF"
    private static final int JSON_CHUNK = 0x4E4F534A;
    private static final int BIN_CHUNK = 0x004E4942;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GlbWriter() {
    }

    /** Writes atomically (temporary file + rename). */
    public static void write(Path file, TriangleMesh mesh) throws IOException {
        AtomicFiles.write(file, encode(mesh));
    }

    /** The GLB bytes of {@code mesh}. */
    public static byte[] encode(TriangleMesh mesh) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("asset").put("version", "2.0").put("generator", "DFC");
        root.put("scene", 0);
        ArrayNode sceneNodes = root.putArray("scenes").addObject().putArray("nodes");
        ArrayNode nodes = root.putArray("nodes");
        ArrayNode meshes = root.putArray("meshes");
        ArrayNode materials = root.putArray("materials");
        ArrayNode accessors = root.putArray("accessors");
        ArrayNode views = root.putArray("bufferViews");
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        for (int part = 0; part < mesh.partNames().size(); part++) {
            // this part's triangles, with its own compact vertex numbering
            int[] remap = new int[mesh.vertexCount()];
            java.util.Arrays.fill(remap, -1);
            java.util.List<Integer> vertices = new java.util.ArrayList<>();
            java.util.List<Integer> indices = new java.util.ArrayList<>();
            for (int t = 0; t < mesh.triangleCount(); t++) {
                if (mesh.partId(t) != part) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    int v = mesh.corner(t, k);
                    if (remap[v] < 0) {
                        remap[v] = vertices.size();
                        vertices.add(v);
                    }
                    indices.add(remap[v]);
                }
            }
            if (indices.isEmpty()) {
                continue;
            }
            ByteBuffer pos = ByteBuffer.allocate(vertices.size() * 12).order(ByteOrder.LITTLE_ENDIAN);
            float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
            float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
            for (int v : vertices) {
                for (int a = 0; a < 3; a++) {
                    float c = mesh.vertex(v, a);
                    pos.putFloat(c);
                    min[a] = Math.min(min[a], c);
                    max[a] = Math.max(max[a], c);
                }
            }
            ByteBuffer idx = ByteBuffer.allocate(indices.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            indices.forEach(idx::putInt);
            int posView = view(views, bin, pos.array(), 34962);
            int idxView = view(views, bin, idx.array(), 34963);
            ObjectNode pa = accessors.addObject().put("bufferView", posView).put("componentType", 5126)
                    .put("count", vertices.size()).put("type", "VEC3");
            ArrayNode mn = pa.putArray("min");
            ArrayNode mx = pa.putArray("max");
            for (int a = 0; a < 3; a++) {
                mn.add(min[a]);
                mx.add(max[a]);
            }
            accessors.addObject().put("bufferView", idxView).put("componentType", 5125).put("count", indices.size())
                    .put("type", "SCALAR");
            int meshIndex = meshes.size();
            String name = mesh.partNames().get(part);
            ObjectNode prim = meshes.addObject().put("name", name).putArray("primitives").addObject();
            prim.putObject("attributes").put("POSITION", accessors.size() - 2);
            prim.put("indices", accessors.size() - 1).put("mode", 4).put("material", materials.size());
            float hue = (part * 0.618034f) % 1f;
            java.awt.Color c = java.awt.Color.getHSBColor(hue, 0.55f, 0.9f);
            ArrayNode colour = materials.addObject().put("name", name).putObject("pbrMetallicRoughness")
                    .put("metallicFactor", 0.0).putArray("baseColorFactor");
            colour.add(c.getRed() / 255.0).add(c.getGreen() / 255.0).add(c.getBlue() / 255.0).add(1.0);
            sceneNodes.add(nodes.size());
            nodes.addObject().put("name", name).put("mesh", meshIndex);
        }
        root.putArray("buffers").addObject().put("byteLength", bin.size());
        byte[] json = pad(JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8), (byte) ' ');
        byte[] data = pad(bin.toByteArray(), (byte) 0);
        ByteBuffer out = ByteBuffer.allocate(12 + 8 + json.length + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(GLB_MAGIC).putInt(2).putInt(out.capacity());
        out.putInt(json.length).putInt(JSON_CHUNK).put(json);
        out.putInt(data.length).putInt(BIN_CHUNK).put(data);
        return out.array();
    }

    private static int view(ArrayNode views, ByteArrayOutputStream bin, byte[] bytes, int target) {
        views.addObject().put("buffer", 0).put("byteOffset", bin.size()).put("byteLength", bytes.length)
                .put("target", target);
        bin.writeBytes(bytes);
        return views.size() - 1;
    }

    private static byte[] pad(byte[] b, byte filler) {
        int n = (b.length + 3) / 4 * 4;
        byte[] out = java.util.Arrays.copyOf(b, n);
        java.util.Arrays.fill(out, b.length, n, filler);
        return out;
    }
}
