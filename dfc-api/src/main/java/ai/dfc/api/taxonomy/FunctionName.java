package ai.dfc.api.taxonomy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A function (action) an object part serves, in the reference's spelling: lower-case words, a hyphen, and
 * a preposition, e.g. {@code pour-with}, {@code pick up-with}, {@code roll-onto}. Spaces inside are
 * legal ({@code apply torque-with}).
 *
 * @param value the name exactly as it appears in taxonomy files
 */
public record FunctionName(String value) implements Comparable<FunctionName> {

    private static final Pattern FORM = Pattern.compile("[a-z]+( [a-z]+)*-[a-z]+");

    /** The 24 functions of the reference taxonomy, in the key order of its action files. */
    public static final List<FunctionName> REFERENCE = List.of(
            "brush-with", "cut-with", "dig-with", "press-with", "lift-with", "scrape-with", "scoop-with",
            "pick up-with", "pierce-with", "pour-with", "poke-with", "pound-with", "roll-onto", "write-with",
            "sweep-with", "hang-onto", "pull-with", "peel-with", "apply torque-with", "spread-with",
            "wedge-with", "mix-with", "pry-with", "sift-with").stream().map(FunctionName::new).toList();

    public FunctionName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("function name must look like 'pour-with' or 'pick up-with' "
                    + "(lower-case words, '-', preposition), was '" + value + "'");
        }
    }

    public static FunctionName of(String value) {
        return new FunctionName(value);
    }

    /**
     * The phrase given to text encoders: hyphens and underscores become spaces
     * ({@code apply torque-with} → {@code apply torque with}), as the reference feeds CLIP.
     */
    public String phrase() {
        return value.replace('-', ' ').replace('_', ' ');
    }

    @Override
    public int compareTo(FunctionName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
