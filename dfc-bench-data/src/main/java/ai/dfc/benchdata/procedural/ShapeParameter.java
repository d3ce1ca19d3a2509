package ai.dfc.benchdata.procedural;

/**
 * One continuous shape parameter of a procedural category, sampled uniformly from {@code [min, max]}.
 *
 * @param name        snake_case name, unique within the category
 * @param min         lower bound
 * @param max         upper bound (≥ min)
 * @param description what it changes, with its unit (lengths are in the object's modelling units, before
 *                    normalization)
 */
public record ShapeParameter(String name, double min, double max, String description) {
    public ShapeParameter {
        if (name == null || !name.matches("[a-z][a-z0-9_]*") || !(min <= max) || !Double.isFinite(min)
                || !Double.isFinite(max)) {
            throw new IllegalArgumentException("bad shape parameter " + name + " [" + min + ", " + max + "]");
        }
    }
}
