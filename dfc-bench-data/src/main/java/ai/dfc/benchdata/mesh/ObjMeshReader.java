package ai.dfc.benchdata.mesh;

import ai.dfc.geometry.mesh.TriangleMesh;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Wavefront OBJ geometry: {@code v} positions, {@code f} faces (polygons fanned into triangles; indices
 * may be negative and carry {@code /vt/vn}), and {@code o}/{@code g} names, which become part names (faces
 * before any name belong to part {@code "object"}). Materials, texture coordinates and normals are ignored.
 */
public final class ObjMeshReader {
    private ObjMeshReader() {
    }

    /**
     * @throws MeshFormatException naming the file and line for malformed content, or when there are no faces
     * @throws IOException          if the file cannot be read
     */
    public static TriangleMesh read(Path file) throws IOException {
        MeshParts mesh = new MeshParts();
        List<Integer> fileVertices = new ArrayList<>();
        int part = -1;
        String currentName = "object";
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] t = s.split("\\s+");
                switch (t[0]) {
                    case "v" -> {
                        if (t.length < 4) {
                            throw bad(file, lineNumber, "a vertex needs x y z");
                        }
                        fileVertices.add(mesh.vertex(number(file, lineNumber, t[1]), number(file, lineNumber, t[2]),
                                number(file, lineNumber, t[3])));
                    }
                    case "o", "g" -> {
                        currentName = MeshParts.partName(s.substring(1).strip(), "object");
                        part = -1;
                    }
                    case "f" -> {
                        if (t.length < 4) {
                            throw bad(file, lineNumber, "a face needs at least 3 vertices");
                        }
                        if (part < 0) {
                            part = mesh.part(currentName);
                        }
                        int[] idx = new int[t.length - 1];
                        for (int i = 1; i < t.length; i++) {
                            idx[i - 1] = vertexIndex(file, lineNumber, t[i], fileVertices);
                        }
                        for (int i = 1; i + 1 < idx.length; i++) {
                            mesh.triangle(idx[0], idx[i], idx[i + 1], part);
                        }
                    }
                    default -> {
                        // vt, vn, usemtl, mtllib, s, l, p: not geometry DFC uses
                    }
                }
            }
        }
        if (mesh.isEmpty()) {
            throw new MeshFormatException(file, "contains no faces");
        }
        return mesh.build();
    }

    private static int vertexIndex(Path file, int line, String token, List<Integer> vertices) {
        String first = token.split("/", -1)[0];
        int i;
        try {
            i = Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw bad(file, line, "bad vertex index '" + token + "'");
        }
        int resolved = i > 0 ? i - 1 : vertices.size() + i;
        if (i == 0 || resolved < 0 || resolved >= vertices.size()) {
            throw bad(file, line, "vertex index " + i + " outside the " + vertices.size() + " vertices defined so far");
        }
        return vertices.get(resolved);
    }

    private static double number(Path file, int line, String token) {
        try {
            double v = Double.parseDouble(token);
            if (!Double.isFinite(v)) {
                throw bad(file, line, "non-finite coordinate '" + token + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(file, line, "bad number '" + token + "'");
        }
    }

    private static MeshFormatException bad(Path file, int line, String what) {
        return new MeshFormatException(file, "line " + line + ": " + what);
    }
}
