package ai.dfc.api.taxonomy;

/**
 * A functional part with its one-line description, as the reference's {@code obj2part_descriptions.json}
 * stores it: {@code "- Tip - The pointed end of the knife blade, …"}. The line is kept verbatim (its
 * capitalization and punctuation matter to grounding prompts).
 *
 * @param part the canonical part name
 * @param line the description line; single line, starts with {@code "-"}
 */
public record PartDescription(PartName part, String line) {

    public PartDescription {
        if (part == null) {
            throw new IllegalArgumentException("part must not be null");
        }
        if (line == null || line.isBlank() || !line.startsWith("-") || line.contains("\n")) {
            throw new IllegalArgumentException("description of part '" + part
                    + "' must be one line starting with '-' (\"- Part - sentence\"), was '" + line + "'");
        }
    }
}
