package ai.dfc.runtime.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions for misspelled keys and plugin names. */
public final class Suggestions {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {
    }

    /**
     * The known word closest to {@code word} by edit distance, if it is close enough to be a plausible typo:
     * at most 2 edits, or a third of the word's length for long words. Ties go to the alphabetically first.
     */
    public static Optional<String> closest(String word, Collection<String> known) {
        int limit = Math.max(2, word.length() / 3);
        return known.stream()
                .sorted()
                .min(Comparator.comparingInt((String k) -> DISTANCE.apply(word, k)))
                .filter(k -> DISTANCE.apply(word, k) <= limit);
    }

    /** The known word with the smallest edit distance to {@code word}, however far; ties alphabetical. */
    public static Optional<String> nearest(String word, Collection<String> known) {
        return known.stream().sorted().min(Comparator.comparingInt((String k) -> DISTANCE.apply(word, k)));
    }

    /**
     * A clause for error messages: {@code "; did you mean 'x'? Known: a, b"} when a known word is a plausible
     * typo of {@code word}, {@code "; the nearest known is 'x'. Known: a, b"} otherwise, or
     * {@code "; none are known"} when {@code known} is empty.
     */
    public static String hint(String word, Collection<String> known) {
        return hint(word, known, known);
    }

    /** As {@link #hint(String, Collection)}, suggesting from {@code candidates} and listing {@code known}. */
    public static String hint(String word, Collection<String> candidates, Collection<String> known) {
        if (candidates.isEmpty()) {
            return "; none are known";
        }
        String list = String.join(", ", known.stream().sorted().toList());
        return closest(word, candidates).map(k -> "; did you mean '" + k + "'? Known: " + list)
                .orElseGet(() -> "; the nearest known is '" + nearest(word, candidates).orElseThrow() + "'. Known: " + list);
    }
}
