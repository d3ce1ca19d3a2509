package ai.dfc.labeling.namer;

import ai.dfc.api.taxonomy.PartName;
import java.util.Locale;

/**
 * The reference's rules for part-description lines {@code "- PartName - sentence."} (SPEC §3.2), shared by
 * every namer that reads or produces such lines.
 */
public final class PartLines {
    private PartLines() {
    }

    /**
     * Replaces the curly single quotes {@code ‘ ’} (U+2018, U+2019) by {@code '}, as the reference does before
     * grouping description lines by part.
     *
     * @param text any text
     * @return the text with straight quotes
     */
    public static String normalizeQuotes(String text) {
        return text.replace('\u2018', '\'').replace('\u2019', '\'');
    }

    /**
     * The part name of a description line by SPEC §3.2: drop the first two characters, strip, delete every
     * {@code *}, keep the text before the first {@code "- "}, strip, lower-case. DFC then writes the result in
     * canonical {@link PartName} form: curly quotes straightened, underscores and runs of white space turned into
     * single spaces (the reference keeps those as they are; no reference part name contains them).
     *
     * @param line a line that starts with {@code -}
     * @return the part name
     * @throws IllegalArgumentException if the line does not start with {@code -} or names no part
     */
    public static PartName partName(String line) {
        if (line == null || !line.startsWith("-")) {
            throw new IllegalArgumentException("a part line must start with '-' (\"- Part - sentence\"), was "
                    + quote(line));
        }
        String rest = line.length() < 2 ? "" : line.substring(2);
        rest = rest.strip().replace("*", "");
        int dash = rest.indexOf("- ");
        String name = dash < 0 ? rest : rest.substring(0, dash);
        return canonical(name, line);
    }

    /**
     * A part name as a taxonomy file spells it in a key or alias ({@code "inner circumference"},
     * {@code "chisel_end"}) in canonical form: stripped, lower-case, straight quotes, single spaces.
     *
     * @param key the name as written in the file
     * @return the canonical part name
     * @throws IllegalArgumentException if nothing remains or the name is not a valid {@link PartName}
     */
    public static PartName partKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("part name must not be null");
        }
        return canonical(key, key);
    }

    private static PartName canonical(String name, String source) {
        String clean = normalizeQuotes(name).replace('_', ' ').strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("no part name in " + quote(source));
        }
        try {
            return new PartName(clean);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad part name " + quote(clean) + " in " + quote(source) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
