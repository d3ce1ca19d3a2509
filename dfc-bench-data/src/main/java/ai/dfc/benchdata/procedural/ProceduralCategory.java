package ai.dfc.benchdata.procedural;

import ai.dfc.api.taxonomy.FunctionName;
import java.util.List;
import java.util.Map;

/**
 * A parametric family of objects ("mug", "knife"): its shape space, its parts and which of them serve which
 * function, and a builder from parameters to a part-labelled mesh. Implementations are stateless and
 * thread-safe; the same parameters always build the same mesh.
 */
public interface ProceduralCategory {

    /** The category name as taxonomy files spell it ({@code "watering can"}). */
    String name();

    /** The shape parameters, in sampling order (changing the order changes every sampled instance). */
    List<ShapeParameter> parameters();

    /** Every part the taxonomy describes, by name; functional parts are among them. */
    List<FunctionalPart> parts();

    /** For each function the category serves, the names of the parts that perform it (non-empty). */
    Map<FunctionName, List<String>> functions();

    /**
     * Builds an instance (Y-up, not normalized).
     *
     * @throws IllegalArgumentException if a parameter is missing
     */
    ProceduralAsset build(ShapeParameters parameters);
}
