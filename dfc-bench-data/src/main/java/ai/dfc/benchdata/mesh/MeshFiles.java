package ai.dfc.benchdata.mesh;

import ai.dfc.geometry.mesh.TriangleMesh;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a real asset by its extension ({@code .glb}, {@code .gltf}, {@code .obj}) and normalizes it (SPEC §2.1). */
public final class MeshFiles {
    private MeshFiles() {
    }

    /** Whether DFC can import files with this name. */
    public static boolean isSupported(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".glb") || n.endsWith(".gltf") || n.endsWith(".obj");
    }

    /**
     * The asset as it is in the file (not normalized).
     *
     * @throws MeshFormatException naming the file for unsupported extensions and malformed content
     */
    public static TriangleMesh read(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".glb") || n.endsWith(".gltf")) {
            return GltfMeshReader.read(file);
        }
        if (n.endsWith(".obj")) {
            return ObjMeshReader.read(file);
        }
        throw new MeshFormatException(file, "unsupported mesh format (expected .glb, .gltf or .obj)");
    }

    /** The asset centred on its bounding box and scaled into [−0.5, 0.5]³, as the reference normalizes GLBs. */
    public static TriangleMesh readNormalized(Path file) throws IOException {
        TriangleMesh mesh = read(file);
        try {
            return mesh.normalized();
        } catch (IllegalArgumentException e) {
            throw new MeshFormatException(file, e.getMessage(), e);
        }
    }
}
