package ai.dfc.benchdata.mesh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accumulates triangles into named parts while a mesh file is read. Names from files (node, mesh, object or
 * group names) are turned into DFC part names: lower case, runs of anything but letters and digits become one
 * space ({@code "Blade_Edge.001"} → {@code "blade edge 001"}); parts with the same name merge.
 */
final class MeshParts {
    private final List<Float> vertices = new ArrayList<>();
    private final List<Integer> triangles = new ArrayList<>();
    private final List<Integer> partIds = new ArrayList<>();
    private final Map<String, Integer> parts = new LinkedHashMap<>();

    static String partName(String raw, String fallback) {
        String name = raw == null ? "" : raw.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
        return name.isEmpty() ? fallback : name;
    }

    /** The id of the part named {@code name}, created on first use. */
    int part(String name) {
        return parts.computeIfAbsent(name, k -> parts.size());
    }

    /** Adds a vertex and returns its index. */
    int vertex(double x, double y, double z) {
        vertices.add((float) x);
        vertices.add((float) y);
        vertices.add((float) z);
        return vertices.size() / 3 - 1;
    }

    int vertexCount() {
        return vertices.size() / 3;
    }

    void triangle(int a, int b, int c, int part) {
        triangles.add(a);
        triangles.add(b);
        triangles.add(c);
        partIds.add(part);
    }

    boolean isEmpty() {
        return partIds.isEmpty();
    }

    ai.dfc.geometry.mesh.TriangleMesh build() {
        float[] v = new float[vertices.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = vertices.get(i);
        }
        // drop parts that ended up without triangles and renumber the rest
        int[] used = new int[parts.size()];
        partIds.forEach(p -> used[p]++);
        List<String> names = new ArrayList<>();
        int[] remap = new int[parts.size()];
        for (Map.Entry<String, Integer> e : parts.entrySet()) {
            if (used[e.getValue()] > 0) {
                remap[e.getValue()] = names.size();
                names.add(e.getKey());
            }
        }
        return new ai.dfc.geometry.mesh.TriangleMesh(v, triangles.stream().mapToInt(Integer::intValue).toArray(),
                partIds.stream().mapToInt(p -> remap[p]).toArray(), names);
    }
}
