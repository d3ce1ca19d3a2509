package ai.dfc.benchdata.procedural;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.procedural.categories.Axe;
import ai.dfc.benchdata.procedural.categories.Bottle;
import ai.dfc.benchdata.procedural.categories.Cleaver;
import ai.dfc.benchdata.procedural.categories.Cup;
import ai.dfc.benchdata.procedural.categories.Fork;
import ai.dfc.benchdata.procedural.categories.Hammer;
import ai.dfc.benchdata.procedural.categories.Jug;
import ai.dfc.benchdata.procedural.categories.Kettle;
import ai.dfc.benchdata.procedural.categories.Knife;
import ai.dfc.benchdata.procedural.categories.Ladle;
import ai.dfc.benchdata.procedural.categories.Mallet;
import ai.dfc.benchdata.procedural.categories.Mug;
import ai.dfc.benchdata.procedural.categories.Saucepan;
import ai.dfc.benchdata.procedural.categories.Screwdriver;
import ai.dfc.benchdata.procedural.categories.Spatula;
import ai.dfc.benchdata.procedural.categories.Spoon;
import ai.dfc.benchdata.procedural.categories.Teapot;
import ai.dfc.benchdata.procedural.categories.WateringCan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The procedural world: every built-in category, by name, and deterministic instance generation. Instance
 * {@code i} of a category with world seed {@code s} is always the same object, independent of which other
 * categories or instances are generated.
 */
public final class ProceduralWorld {
    private final Map<String, ProceduralCategory> categories;

    private ProceduralWorld(List<ProceduralCategory> categories) {
        Map<String, ProceduralCategory> m = new LinkedHashMap<>();
        for (ProceduralCategory c : categories) {
            if (m.put(c.name(), c) != null) {
                throw new IllegalArgumentException("two categories named " + c.name());
            }
        }
        this.categories = Collections.unmodifiableMap(m);
    }

    /** The built-in categories. */
    public static ProceduralWorld builtIn() {
        return new ProceduralWorld(List.of(new Mug(), new Knife(),
                new Cup(), new Kettle(), new Teapot(), new Bottle(), new Jug(), new WateringCan(), new Saucepan(),
                new Ladle(), new Cleaver(), new Axe(), new Hammer(), new Mallet(), new Spoon(), new Spatula(),
                new Fork(), new Screwdriver()));
    }

    /** A world of exactly these categories. */
    public static ProceduralWorld of(List<ProceduralCategory> categories) {
        return new ProceduralWorld(categories);
    }

    public Map<String, ProceduralCategory> categories() {
        return categories;
    }

    /**
     * @throws IllegalArgumentException naming the known categories when {@code name} is not one
     */
    public ProceduralCategory category(String name) {
        ProceduralCategory c = categories.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no procedural category '" + name + "'; known: " + categories.keySet());
        }
        return c;
    }

    /** The shape parameters of instance {@code index} of {@code category} under {@code seed}. */
    public ShapeParameters parameters(String category, int index, long seed) {
        long mixed = seed * 0x9E3779B97F4A7C15L + category.hashCode() * 0xC2B2AE3D27D4EB4FL + index;
        return ShapeParameters.sample(category(category).parameters(), new SplittableRandom(mixed));
    }

    /** Instance {@code index} of {@code category} under {@code seed}, normalized (SPEC §2.1). */
    public ProceduralAsset instance(String category, int index, long seed) {
        return category(category).build(parameters(category, index, seed)).normalized();
    }

    /** Function → categories that serve it, functions sorted by name. */
    public Map<FunctionName, List<String>> categoriesByFunction() {
        Map<FunctionName, List<String>> out = new TreeMap<>();
        categories.values().forEach(c -> c.functions().keySet()
                .forEach(f -> out.computeIfAbsent(f, k -> new ArrayList<>()).add(c.name())));
        return out;
    }
}
