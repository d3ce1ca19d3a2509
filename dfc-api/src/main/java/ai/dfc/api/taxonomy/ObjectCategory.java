package ai.dfc.api.taxonomy;

/**
 * An object category as taxonomy and asset folder names spell it ({@code mug}, {@code coconut shell},
 * {@code measuring_cup}). Kept verbatim: HANDAL names use underscores, Objaverse names spaces.
 *
 * @param value trimmed, non-empty, without path separators or the {@code ---} asset-name separator
 */
public record ObjectCategory(String value) implements Comparable<ObjectCategory> {

    public ObjectCategory {
        if (value == null || value.isBlank() || !value.equals(value.strip())) {
            throw new IllegalArgumentException("object category must be non-empty without surrounding spaces, was '"
                    + value + "'");
        }
        if (value.contains("/") || value.contains("\\") || value.contains("---")) {
            throw new IllegalArgumentException("object category must not contain '/', '\\' or '---', was '" + value + "'");
        }
    }

    public static ObjectCategory of(String value) {
        return new ObjectCategory(value);
    }

    @Override
    public int compareTo(ObjectCategory other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
