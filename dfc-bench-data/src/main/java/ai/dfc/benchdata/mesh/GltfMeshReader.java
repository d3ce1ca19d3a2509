package ai.dfc.benchdata.mesh;

import ai.dfc.geometry.mesh.TriangleMesh;
import de.javagl.jgltf.model.AccessorByteData;
import de.javagl.jgltf.model.AccessorData;
import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorIntData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.AccessorShortData;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.MeshModel;
import de.javagl.jgltf.model.MeshPrimitiveModel;
import de.javagl.jgltf.model.NodeModel;
import de.javagl.jgltf.model.io.GltfModelReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the triangle geometry of a glTF 2.0 asset ({@code .glb}, or {@code .gltf} with embedded or side-car
 * buffers) with jgltf. Like the reference's Blender import (SPEC §2.1), every mesh of the default scene is
 * placed by its node's global transform and all are joined into one mesh; each node becomes a part named after
 * the node (or its mesh), so an asset modelled in parts keeps them. Triangle lists, strips and fans are read;
 * points and lines are skipped. Materials, textures, skins and animation are ignored.
 */
public final class GltfMeshReader {
    private static final int TRIANGLES = 4;
    private static final int TRIANGLE_STRIP = 5;
    private static final int TRIANGLE_FAN = 6;

    private GltfMeshReader() {
    }

    /**
     * @throws MeshFormatException naming the file when it is not readable glTF, is truncated, or has no triangles
     */
    public static TriangleMesh read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MeshFormatException(file, "no such file");
        }
        GltfModel model;
        try {
            model = new GltfModelReader().read(file);
        } catch (IOException | RuntimeException e) {
            throw new MeshFormatException(file, "not a readable glTF/GLB file (" + describe(e) + ")", e);
        }
        MeshParts mesh = new MeshParts();
        try {
            List<NodeModel> roots = new ArrayList<>();
            if (!model.getSceneModels().isEmpty()) {
                roots.addAll(model.getSceneModels().get(0).getNodeModels());
            } else {
                model.getNodeModels().stream().filter(n -> n.getParent() == null).forEach(roots::add);
            }
            for (NodeModel root : roots) {
                addNode(root, mesh);
            }
        } catch (RuntimeException e) {
            throw new MeshFormatException(file, "malformed glTF content (" + describe(e) + ")", e);
        }
        if (mesh.isEmpty()) {
            throw new MeshFormatException(file, "contains no triangles");
        }
        return mesh.build();
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "");
    }

    private static void addNode(NodeModel node, MeshParts mesh) {
        float[] m = node.computeGlobalTransform(null); // column-major 4x4
        for (MeshModel meshModel : node.getMeshModels()) {
            String name = MeshParts.partName(node.getName() != null ? node.getName() : meshModel.getName(),
                    "part " + mesh.vertexCount());
            int part = mesh.part(name);
            for (MeshPrimitiveModel primitive : meshModel.getMeshPrimitiveModels()) {
                addPrimitive(primitive, m, part, mesh);
            }
        }
        for (NodeModel child : node.getChildren()) {
            addNode(child, mesh);
        }
    }

    private static void addPrimitive(MeshPrimitiveModel primitive, float[] m, int part, MeshParts mesh) {
        int mode = primitive.getMode();
        if (mode != TRIANGLES && mode != TRIANGLE_STRIP && mode != TRIANGLE_FAN) {
            return;
        }
        AccessorModel positions = primitive.getAttributes().get("POSITION");
        if (positions == null) {
            throw new IllegalArgumentException("a triangle primitive has no POSITION attribute");
        }
        if (!(positions.getAccessorData() instanceof AccessorFloatData p) || p.getNumComponentsPerElement() != 3) {
            throw new IllegalArgumentException("POSITION must be float VEC3 (quantized positions are not supported)");
        }
        int base = mesh.vertexCount();
        for (int v = 0; v < p.getNumElements(); v++) {
            double x = p.get(v, 0);
            double y = p.get(v, 1);
            double z = p.get(v, 2);
            mesh.vertex(m[0] * x + m[4] * y + m[8] * z + m[12], m[1] * x + m[5] * y + m[9] * z + m[13],
                    m[2] * x + m[6] * y + m[10] * z + m[14]);
        }
        int[] idx = indices(primitive.getIndices(), p.getNumElements());
        // a mirroring transform turns triangles inside out; swap two corners to keep them facing outwards
        double det = m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2])
                + m[8] * (m[1] * m[6] - m[5] * m[2]);
        boolean flip = det < 0;
        int count = mode == TRIANGLES ? idx.length / 3 : Math.max(0, idx.length - 2);
        for (int t = 0; t < count; t++) {
            int a;
            int b;
            int c;
            if (mode == TRIANGLES) {
                a = idx[3 * t];
                b = idx[3 * t + 1];
                c = idx[3 * t + 2];
            } else if (mode == TRIANGLE_STRIP) {
                a = idx[t];
                b = t % 2 == 0 ? idx[t + 1] : idx[t + 2];
                c = t % 2 == 0 ? idx[t + 2] : idx[t + 1];
            } else {
                a = idx[0];
                b = idx[t + 1];
                c = idx[t + 2];
            }
            for (int i : new int[] {a, b, c}) {
                if (i < 0 || i >= p.getNumElements()) {
                    throw new IllegalArgumentException("index " + i + " outside " + p.getNumElements() + " vertices");
                }
            }
            if (flip) {
                mesh.triangle(base + a, base + c, base + b, part);
            } else {
                mesh.triangle(base + a, base + b, base + c, part);
            }
        }
    }

    private static int[] indices(AccessorModel accessor, int vertexCount) {
        if (accessor == null) {
            int[] seq = new int[vertexCount];
            for (int i = 0; i < vertexCount; i++) {
                seq[i] = i;
            }
            return seq;
        }
        AccessorData data = accessor.getAccessorData();
        int n = data.getNumElements();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (data instanceof AccessorIntData d) {
                out[i] = Math.toIntExact(d.getLong(i));
            } else if (data instanceof AccessorShortData d) {
                out[i] = d.getInt(i);
            } else if (data instanceof AccessorByteData d) {
                out[i] = d.getInt(i);
            } else {
                throw new IllegalArgumentException("indices must be integers");
            }
        }
        return out;
    }
}
