package ai.dfc.api.taxonomy;

/**
 * A functional part's name in canonical form: lower case, words separated by single spaces
 * ({@code chisel end}). Files and folders use the underscore form ({@link #fileName()}); {@link #of}
 * accepts either.
 *
 * @param value lower-case words separated by single spaces
 */
public record PartName(String value) implements Comparable<PartName> {

    public PartName {
        if (value == null || value.isBlank() || !value.equals(value.strip()) || value.contains("  ")
                || value.contains("_") || !value.equals(value.toLowerCase(java.util.Locale.ROOT))
                || value.contains("/")) {
            throw new IllegalArgumentException("part name must be lower-case words separated by single spaces, was '"
                    + value + "'");
        }
    }

    /** Accepts the space form ({@code chisel end}) or the file form ({@code chisel_end}). */
    public static PartName of(String spacesOrUnderscores) {
        if (spacesOrUnderscores == null) {
            throw new IllegalArgumentException("part name must not be null");
        }
        return new PartName(spacesOrUnderscores.replace('_', ' '));
    }

    /** The underscore form used in file and folder names and in {@code obj2part2function.json}. */
    public String fileName() {
        return value.replace(' ', '_');
    }

    @Override
    public int compareTo(PartName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
