package ai.dfc.labeling.namer;

import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an LLM's part list — lines {@code "- Part - one sentence."} — into part descriptions (SPEC §3.1–3.2).
 *
 * <p>Per line: curly quotes become {@code '} (and {@code "}); a leading {@code *}, {@code •} or {@code 1.}/{@code 1)}
 * bullet is rewritten as {@code "- "} (the reference's manual cleaning did this by hand; lines that still do not
 * start with {@code -} are skipped). Part name, as the reference computes it: the line without its bullet,
 * stripped, every {@code *} removed, the text before the first {@code "- "}, stripped, lower-cased (and, for our
 * {@link PartName}, runs of spaces and underscores made single spaces). Two deliberate deviations: the bullet is
 * {@code -} plus any spaces (the reference drops exactly two characters, so {@code "-Blade"} became {@code "lade"}),
 * and a line without {@code "- "} is cut at its first {@code ": "} ({@code "- Blade: the flat part"}).
 * Lines whose name is empty, longer than six words, or has characters other than letters, digits, spaces,
 * {@code -} and {@code '} ({@code handle/grip}, a whole sentence) are skipped. The description line kept is the
 * cleaned line without {@code *}, e.g. {@code "- Blade - The flat, sharp part of the knife."}.
 *
 * <p>Duplicates — the same part named twice — are merged: the first description is kept (the reference asks an
 * LLM to merge several descriptions into one and has a person approve it; that step is not reproduced).
 * Stateless and thread-safe.
 */
public final class PartListReply {
    private static final Pattern OTHER_BULLET = Pattern.compile("^(?:[*•]|\\d{1,2}[.)])\\s+");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}' -]*");
    private static final int MAX_NAME_WORDS = 6;

    private PartListReply() {
    }

    /**
     * Parses a whole reply.
     *
     * @param reply the assistant's text
     * @return the parts in order of first appearance, one description each
     */
    public static List<PartDescription> parse(String reply) {
        Map<PartName, PartDescription> parts = new LinkedHashMap<>();
        for (String line : reply.split("\\R")) {
            parseLine(line).ifPresent(d -> parts.putIfAbsent(d.part(), d));
        }
        return new ArrayList<>(parts.values());
    }

    /**
     * Parses one line.
     *
     * @param raw a line of the reply
     * @return the part and its cleaned description line, or empty when the line names no part
     */
    public static Optional<PartDescription> parseLine(String raw) {
        String line = raw.strip()
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"');
        if (!line.startsWith("-")) {
            // "**Blade** - …" is a bold name, not a bullet; "* Blade - …", "• Blade - …" and "1. Blade - …" are bullets
            if (line.startsWith("**") || !OTHER_BULLET.matcher(line).find()) {
                return Optional.empty();
            }
            line = "- " + OTHER_BULLET.matcher(line).replaceFirst("");
        }
        String rest = line.substring(1).strip().replace("*", "");
        int dash = rest.indexOf("- ");
        int colon = rest.indexOf(": ");
        int end = dash >= 0 ? dash : colon >= 0 ? colon : rest.length();
        String name = rest.substring(0, end).strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
        if (!NAME.matcher(name).matches() || name.split(" ").length > MAX_NAME_WORDS) {
            return Optional.empty();
        }
        PartName part;
        try {
            part = new PartName(name);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
        String cleaned = "- " + rest.replaceAll("\\s+", " ");
        return Optional.of(new PartDescription(part, cleaned));
    }

    /**
     * One description per part across several lists — e.g. an object's lists for all its functions, which the
     * reference merges into {@code obj2part_descriptions.json} (SPEC §3.2): the first description of each part
     * is kept, parts in order of first appearance.
     *
     * @param lists the lists, in a fixed order (e.g. the taxonomy's function order)
     * @return the merged list
     */
    public static List<PartDescription> merge(List<List<PartDescription>> lists) {
        Map<PartName, PartDescription> parts = new LinkedHashMap<>();
        for (List<PartDescription> list : lists) {
            for (PartDescription d : list) {
                parts.putIfAbsent(d.part(), d);
            }
        }
        return new ArrayList<>(parts.values());
    }
}
