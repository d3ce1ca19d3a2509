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

    /**
     * A sentence for error messages: {@code "; did you mean 'x'? Known: a, b, c"} or {@code "; known: a, b"},
     * or {@code "; nothing is registered"} when {@code known} is empty.
     */
    public static String hint(String word, Collection<String> known) {
        if (known.isEmpty()) {
            return "; none are known";
        }
        String list = String.join(", ", known.stream().sorted().toList());
        return closest(word, known).map(k -> "; did you mean '" + k + "'? Known: " + list).orElse("; known: " + list);
    }
}
