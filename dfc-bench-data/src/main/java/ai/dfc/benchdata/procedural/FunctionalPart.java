package ai.dfc.benchdata.procedural;

/**
 * A part of a procedural category as the taxonomy describes it.
 *
 * @param name        lower-case part name, as on the mesh's triangles ({@code "spout"}, {@code "blade edge"})
 * @param description the one-line description in the reference's format, {@code "- Spout - The narrow …"}
 * @param small       whether the reference would re-query a zoomed crop for it ({@code crop_requirement})
 * @param thinEdge    whether it is a thin edge whose votes are sharpened by edge probabilities
 *                    ({@code edge_requirement})
 */
public record FunctionalPart(String name, String description, boolean small, boolean thinEdge) {
    public FunctionalPart {
        if (name == null || name.isBlank() || description == null || !description.startsWith("- ")) {
            throw new IllegalArgumentException("functional part needs a name and a '- Part - sentence' description");
        }
    }
}
