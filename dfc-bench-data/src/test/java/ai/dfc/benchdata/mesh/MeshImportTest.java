package ai.dfc.benchdata.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.dfc.geometry.mesh.TriangleMesh;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshImportTest {
    @TempDir
    Path dir;

    /** A unit-square "body" at z = 0 and a triangle "spout" above it. */
    private static TriangleMesh twoParts() {
        float[] v = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0.2f, 0.2f, 1, 0.8f, 0.2f, 1, 0.5f, 0.8f, 1.5f};
        int[] t = {0, 1, 2, 0, 2, 3, 4, 5, 6};
        return new TriangleMesh(v, t, new int[] {0, 0, 1}, List.of("body", "spout"));
    }

    /** Triangles as sorted lists of (part, corner coordinates), independent of vertex numbering. */
    private static List<String> triangles(TriangleMesh m) {
        String[] out = new String[m.triangleCount()];
        for (int t = 0; t < m.triangleCount(); t++) {
            StringBuilder sb = new StringBuilder(m.partNames().get(m.partId(t)));
            for (int k = 0; k < 3; k++) {
                int v = m.corner(t, k);
                sb.append(String.format(" (%.4f %.4f %.4f)", m.vertex(v, 0), m.vertex(v, 1), m.vertex(v, 2)));
            }
            out[t] = sb.toString();
        }
        Arrays.sort(out);
        return List.of(out);
    }

    @Test
    void aGlbWrittenWithTwoPartsReadsBackWithItsParts() throws IOException {
        Path glb = dir.resolve("kettle.glb");
        GlbWriter.write(glb, twoParts());
        TriangleMesh back = MeshFiles.read(glb);
        assertThat(back.partNames()).containsExactly("body", "spout");
        assertThat(triangles(back)).isEqualTo(triangles(twoParts()));
        byte[] bytes = Files.readAllBytes(glb);
        assertThat(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(8)).as("GLB length field").isEqualTo(bytes.length);
    }

    @Test
    void aTruncatedGlbFailsNamingTheFile() throws IOException {
        byte[] bytes = GlbWriter.encode(twoParts());
        Path cut = dir.resolve("cut.glb");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> MeshFiles.read(cut)).isInstanceOf(MeshFormatException.class)
                .hasMessageStartingWith(cut + ": ");
        Path text = dir.resolve("notes.glb");
        Files.writeString(text, "this is not a model");
        assertThatThrownBy(() -> MeshFiles.read(text)).isInstanceOf(MeshFormatException.class)
                .hasMessageContaining(text + ": not a readable glTF/GLB file");
        assertThatThrownBy(() -> MeshFiles.read(dir.resolve("a.stl"))).hasMessageContaining("unsupported mesh format");
        assertThatThrownBy(() -> MeshFiles.read(dir.resolve("missing.glb"))).hasMessageContaining("no such file");
    }

    @Test
    void nodeTransformsPlaceMeshesAndMirrorsKeepWindingOutwards() throws IOException {
        // one triangle (0,0,0) (1,0,0) (0,1,0); node "handle" translated by (10, 0, 0) and scaled by 2, with a child
        // "tip" mirrored in x
        ByteBuffer buf = ByteBuffer.allocate(36 + 12).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}) {
            buf.putFloat(f);
        }
        buf.putInt(0).putInt(1).putInt(2);
        String data = Base64.getEncoder().encodeToString(buf.array());
        String gltf = """
                {"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
                 "nodes": [{"name": "Handle", "mesh": 0, "translation": [10, 0, 0], "scale": [2, 2, 2], "children": [1]},
                           {"name": "Tip.001", "mesh": 0, "scale": [-1, 1, 1]}],
                 "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
                 "buffers": [{"byteLength": 48, "uri": "data:application/octet-stream;base64,%s"}],
                 "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36}, {"buffer": 0, "byteOffset": 36, "byteLength": 12}],
                 "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0,0,0], "max": [1,1,0]},
                               {"bufferView": 1, "componentType": 5125, "count": 3, "type": "SCALAR"}]}
                """.formatted(data);
        Path file = dir.resolve("tool.gltf");
        Files.writeString(file, gltf);
        TriangleMesh m = MeshFiles.read(file);
        assertThat(m.partNames()).containsExactly("handle", "tip 001");
        assertThat(m.vertex(m.corner(0, 1), 0)).isEqualTo(12f); // 10 + 2·1
        assertThat(m.faceNormal(0)).containsExactly(new double[] {0, 0, 1}, within(1e-9));
        // the child: scale −1 in x under the parent's scale 2 → x = 10 − 2·x; winding swapped keeps the normal +z
        assertThat(m.faceNormal(1)).containsExactly(new double[] {0, 0, 1}, within(1e-9));
        double[] b = m.bounds();
        assertThat(b[0]).isEqualTo(8.0);
        assertThat(b[3]).isEqualTo(12.0);
    }

    @Test
    void objFilesYieldPartsFromGroupsAndFanPolygons() throws IOException {
        Path obj = dir.resolve("spatula.obj");
        Files.writeString(obj, """
                # a quad head and a triangle handle
                v 0 0 0
                v 2 0 0
                v 2 1 0
                v 0 1 0
                o Head
                f 1/1/1 2/2/2 3 4
                g handle_grip
                v 0 0 1
                v 1 0 1
                v 0 1 1
                f -3 -2 -1
                """);
        TriangleMesh m = MeshFiles.read(obj);
        assertThat(m.partNames()).containsExactly("head", "handle grip");
        assertThat(m.triangleCount()).isEqualTo(3);
        assertThat(m.area(0) + m.area(1)).isEqualTo(2.0);
        TriangleMesh n = MeshFiles.readNormalized(obj);
        double[] b = n.bounds();
        assertThat(b[3]).isCloseTo(0.5, within(1e-6));
        assertThat(b[0]).isCloseTo(-0.5, within(1e-6));

        Path bad = dir.resolve("bad.obj");
        Files.writeString(bad, "v 0 0 0\nv 1 0 0\nf 1 2 3\n");
        assertThatThrownBy(() -> MeshFiles.read(bad)).hasMessage(bad + ": line 3: vertex index 3 outside the 2 vertices defined so far");
        Path nan = dir.resolve("nan.obj");
        Files.writeString(nan, "v 0 x 0\n");
        assertThatThrownBy(() -> MeshFiles.read(nan)).hasMessage(nan + ": line 1: bad number 'x'");
        Path empty = dir.resolve("empty.obj");
        Files.writeString(empty, "v 0 0 0\n");
        assertThatThrownBy(() -> MeshFiles.read(empty)).hasMessage(empty + ": contains no faces");
    }
}
