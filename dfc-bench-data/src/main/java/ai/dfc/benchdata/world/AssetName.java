package ai.dfc.benchdata.world;

/**
 * The reference's asset folder names (SPEC §0.1): Objaverse style {@code "{uid}---{category}.glb"} (the trailing
 * {@code .glb} is part of the folder name), used for procedural and imported assets alike, and HANDAL style
 * {@code "{category}---{id}"} (category first, no suffix). Procedural uids are 32 hex digits derived from (world seed,
 * category, instance index), so a regenerated world gets the same names.
 *
 * @param uid           32 lower-case hex digits (Objaverse style) or any name without {@code ---} and {@code /}
 * @param category      the object category
 * @param categoryFirst true for HANDAL-style names
 */
public record AssetName(String uid, String category, boolean categoryFirst) implements Comparable<AssetName> {
    private static final String SEPARATOR = "---";
    private static final String SUFFIX = ".glb";

    /** An Objaverse-style name {@code uid---category.glb}. */
    public AssetName(String uid, String category) {
        this(uid, category, false);
    }

    public AssetName {
        if (uid == null || uid.isBlank() || uid.contains(SEPARATOR) || uid.contains("/") || category == null
                || category.isBlank() || category.contains(SEPARATOR) || category.contains("/")) {
            throw new IllegalArgumentException("asset name needs a uid and a category without '---' or '/', was "
                    + uid + ", " + category);
        }
    }

    /** The uid of instance {@code index} of {@code category} in the procedural world with {@code seed}. */
    public static AssetName procedural(long seed, String category, int index) {
        long a = mix(seed ^ 0x5DEECE66DL);
        for (char c : category.toCharArray()) {
            a = mix(a ^ c);
        }
        a = mix(a ^ index);
        long b = mix(a ^ 0xD1B54A32D192ED03L);
        return new AssetName(String.format("%016x%016x", a, b), category);
    }

    /**
     * Parses a folder name: {@code uid---category.glb} (Objaverse style) or, for names without the {@code .glb}
     * suffix, {@code category---id} (HANDAL style).
     *
     * @throws IllegalArgumentException if the name has neither form
     */
    public static AssetName parse(String folder) {
        int sep = folder.indexOf(SEPARATOR);
        if (!folder.endsWith(SUFFIX) && sep > 0 && sep + SEPARATOR.length() < folder.length()) {
            return new AssetName(folder.substring(sep + SEPARATOR.length()), folder.substring(0, sep), true);
        }
        if (sep <= 0 || !folder.endsWith(SUFFIX) || sep + SEPARATOR.length() >= folder.length() - SUFFIX.length()) {
            throw new IllegalArgumentException("asset folder name must look like '<uid>---<category>.glb' or "
                    + "'<category>---<id>', was '" + folder + "'");
        }
        return new AssetName(folder.substring(0, sep), folder.substring(sep + SEPARATOR.length(), folder.length() - SUFFIX.length()));
    }

    /** {@code uid---category.glb}, or {@code category---uid} for HANDAL-style names. */
    public String folder() {
        return categoryFirst ? category + SEPARATOR + uid : uid + SEPARATOR + category + SUFFIX;
    }

    @Override
    public int compareTo(AssetName o) {
        return folder().compareTo(o.folder());
    }

    @Override
    public String toString() {
        return folder();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
