package ai.dfc.api.geometry;

import java.util.Arrays;

/**
 * An immutable surface point cloud: positions, unit normals and optionally a part id per point. Positions
 * are in the asset's normalized frame (glTF Y-up for imported meshes, SPEC §0.3).
 */
public final class PointCloud {
    private final float[] xyz;
    private final float[] normals;
    private final int[] partIds;

    /**
     * @param xyz     {@code 3·N} floats {@code x0, y0, z0, x1, …}; copied
     * @param normals {@code 3·N} floats, or null when the cloud has none; copied
     * @param partIds {@code N} part ids (index into the asset's part list, −1 = none), or null; copied
     */
    public PointCloud(float[] xyz, float[] normals, int[] partIds) {
        if (xyz == null || xyz.length % 3 != 0) {
            throw new IllegalArgumentException("xyz must hold 3 floats per point, had "
                    + (xyz == null ? "none" : xyz.length));
        }
        int n = xyz.length / 3;
        for (int i = 0; i < xyz.length; i++) {
            if (!Float.isFinite(xyz[i])) {
                throw new IllegalArgumentException("point " + i / 3 + " has a non-finite coordinate");
            }
        }
        if (normals != null && normals.length != xyz.length) {
            throw new IllegalArgumentException("normals must hold 3 floats per point (" + xyz.length + "), had "
                    + normals.length);
        }
        if (partIds != null && partIds.length != n) {
            throw new IllegalArgumentException("part ids must hold one int per point (" + n + "), had " + partIds.length);
        }
        this.xyz = xyz.clone();
        this.normals = normals == null ? null : normals.clone();
        this.partIds = partIds == null ? null : partIds.clone();
    }

    /** Number of points. */
    public int size() {
        return xyz.length / 3;
    }

    /** Coordinate {@code axis} (0 = x, 1 = y, 2 = z) of point {@code i}. */
    public float coordinate(int i, int axis) {
        return xyz[3 * i + axis];
    }

    public boolean hasNormals() {
        return normals != null;
    }

    /** Normal component {@code axis} of point {@code i}. */
    public float normal(int i, int axis) {
        if (normals == null) {
            throw new IllegalStateException("this point cloud has no normals");
        }
        return normals[3 * i + axis];
    }

    public boolean hasPartIds() {
        return partIds != null;
    }

    /** Part id of point {@code i}. */
    public int partId(int i) {
        if (partIds == null) {
            throw new IllegalStateException("this point cloud has no part ids");
        }
        return partIds[i];
    }

    /** A copy of the positions, {@code 3·N} floats. */
    public float[] positions() {
        return xyz.clone();
    }

    /** A copy of the normals, or null. */
    public float[] normals() {
        return normals == null ? null : normals.clone();
    }

    /** A copy of the part ids, or null. */
    public int[] partIds() {
        return partIds == null ? null : partIds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointCloud other && Arrays.equals(xyz, other.xyz) && Arrays.equals(normals, other.normals)
                && Arrays.equals(partIds, other.partIds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xyz) * 31 + Arrays.hashCode(partIds);
    }

    @Override
    public String toString() {
        return "PointCloud[" + size() + " points" + (normals != null ? ", normals" : "")
                + (partIds != null ? ", part ids" : "") + "]";
    }
}
