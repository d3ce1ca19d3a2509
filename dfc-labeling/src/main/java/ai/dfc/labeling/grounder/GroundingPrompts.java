package ai.dfc.labeling.grounder;

import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.taxonomy.PartDescription;
import java.util.List;
import java.util.Locale;

/**
 * Builds grounding prompts from a part's description line ({@code "- Blade - The flat, sharp part … prying."}).
 *
 * <p>Templates may use these placeholders (replaced literally; any other braces are left alone, so a template can
 * show a JSON example):
 * <ul>
 *   <li>{@code {expr}} — the reference's CogVLM referring expression (SPEC §3.4): the line without its first two
 *       characters, stripped, wrapped in double quotes, every {@code *} and {@code .} deleted, lower-cased:
 *       {@code "blade - the flat, sharp part of the knife used for cutting, digging, and prying"};</li>
 *   <li>{@code {part}} — the canonical part name ({@code blade});</li>
 *   <li>{@code {description}} — the line without its leading {@code -}, stripped
 *       ({@code Blade - The flat, sharp part …});</li>
 *   <li>{@code {category}} — the object category ({@code knife}).</li>
 * </ul>
 */
public final class GroundingPrompts {
    /** The placeholders a template may use. */
    public static final List<String> PLACEHOLDERS = List.of("{expr}", "{part}", "{description}", "{category}");

    private GroundingPrompts() {
    }

    /**
     * The reference's referring expression for a description line (see the class comment).
     *
     * @param line the description line
     * @return the quoted, lower-cased expression
     */
    public static String cogVlmExpression(String line) {
        String rest = line.length() <= 2 ? "" : line.substring(2).strip();
        return ("\"" + rest + "\"").replace("*", "").replace(".", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Fills a template for a query.
     *
     * @param template the template, with placeholders
     * @param query    the query (its category and part description are used)
     * @return the prompt text
     */
    public static String fill(String template, GroundingQuery query) {
        PartDescription part = query.part();
        return template.replace("{expr}", cogVlmExpression(part.line()))
                .replace("{part}", part.part().value())
                .replace("{description}", part.line().substring(1).strip())
                .replace("{category}", query.category().value());
    }

    /**
     * Whether a template uses at least one placeholder that names the part.
     *
     * @param template the template
     * @return true when it contains {@code {expr}}, {@code {part}} or {@code {description}}
     */
    public static boolean namesThePart(String template) {
        return template.contains("{expr}") || template.contains("{part}") || template.contains("{description}");
    }
}
