package ai.dfc.benchdata.procedural;

import java.util.Arrays;

/**
 * The canonical frame of a functional part, in object coordinates: where the part acts and how it is oriented,
 * so two objects are functionally aligned for a function by mapping one part frame onto the other (SPEC §4.2,
 * which a human annotates for the reference). Conventions shared by all categories: {@code z} points the way the
 * part acts (the direction liquid leaves a spout, the cutting direction of an edge, the striking direction of a
 * hammer face, out of a scoop's opening), {@code y} is the part's "up" or long axis as documented per part, and
 * {@code x = y × z}. {@code size} is the part's characteristic length (spout mouth diameter, blade length), so
 * alignment can also match scale.
 *
 * @param origin {x, y, z}
 * @param x      unit axis
 * @param y      unit axis
 * @param z      unit axis
 * @param size   characteristic length, &gt; 0
 */
public record PartFrame(double[] origin, double[] x, double[] y, double[] z, double size) {

    public PartFrame {
        origin = origin.clone();
        x = x.clone();
        y = y.clone();
        z = z.clone();
        for (double[] a : new double[][] {x, y, z}) {
            if (Math.abs(MeshBuilder.dot(a, a) - 1) > 1e-6) {
                throw new IllegalArgumentException("part frame axes must be unit vectors: " + Arrays.toString(a));
            }
        }
        if (Math.abs(MeshBuilder.dot(x, y)) > 1e-6 || Math.abs(MeshBuilder.dot(y, z)) > 1e-6
                || Math.abs(MeshBuilder.dot(x, z)) > 1e-6 || !(size > 0)) {
            throw new IllegalArgumentException("part frame axes must be orthogonal and size > 0");
        }
    }

    /** A frame from an origin, the acting direction {@code z} and an approximate up {@code y} (orthogonalized). */
    public static PartFrame of(double[] origin, double[] actingDirection, double[] approximateUp, double size) {
        double[] z = MeshBuilder.unit(actingDirection);
        double[] y = MeshBuilder.sub(approximateUp, MeshBuilder.scale(z, MeshBuilder.dot(approximateUp, z)));
        y = MeshBuilder.unit(y);
        double[] x = MeshBuilder.cross(y, z);
        return new PartFrame(origin, x, y, z, size);
    }

    /** This frame after a similarity transform: uniform {@code scale} then translation {@code shift}. */
    public PartFrame scaled(double scale, double[] shift) {
        return new PartFrame(new double[] {origin[0] * scale + shift[0], origin[1] * scale + shift[1],
            origin[2] * scale + shift[2]}, x, y, z, size * scale);
    }

    /**
     * The rigid transform (row-major 4×4) that maps this frame onto {@code target}: origin to origin and axes to
     * axes. Applied to this part's object, it puts the two functional parts in the same place and orientation.
     */
    public double[] alignTo(PartFrame target) {
        // R = T · Sᵀ where the columns of S and T are the frames' axes
        double[][] s = {x, y, z};
        double[][] t = {target.x, target.y, target.z};
        double[] m = new double[16];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += t[k][r] * s[k][c];
                }
                m[4 * r + c] = v;
            }
        }
        for (int r = 0; r < 3; r++) {
            m[4 * r + 3] = target.origin[r] - (m[4 * r] * origin[0] + m[4 * r + 1] * origin[1] + m[4 * r + 2] * origin[2]);
        }
        m[15] = 1;
        return m;
    }
}
