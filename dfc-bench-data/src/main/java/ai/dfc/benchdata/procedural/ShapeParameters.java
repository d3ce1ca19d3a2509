package ai.dfc.benchdata.procedural;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Values for a category's shape parameters: one object instance's "genome". Immutable. */
public final class ShapeParameters {
    private final Map<String, Double> values;

    public ShapeParameters(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Each parameter drawn uniformly from its range, in declaration order, from {@code random}. */
    public static ShapeParameters sample(List<ShapeParameter> space, SplittableRandom random) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (ShapeParameter p : space) {
            v.put(p.name(), p.min() + (p.max() - p.min()) * random.nextDouble());
        }
        return new ShapeParameters(v);
    }

    /** The middle of every range: a category's "typical" instance. */
    public static ShapeParameters midpoint(List<ShapeParameter> space) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (ShapeParameter p : space) {
            v.put(p.name(), (p.min() + p.max()) / 2);
        }
        return new ShapeParameters(v);
    }

    /**
     * @throws IllegalArgumentException naming the parameter when it is not defined
     */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no shape parameter '" + name + "'; defined: " + values.keySet());
        }
        return v;
    }

    public Map<String, Double> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeParameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
