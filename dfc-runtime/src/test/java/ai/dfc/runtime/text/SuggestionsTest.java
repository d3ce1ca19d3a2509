package ai.dfc.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void suggestsOnlyPlausibleTyposButAlwaysNamesTheNearest() {
        List<String> known = List.of("dinov2", "dense-descriptor", "clip-text");
        assertThat(Suggestions.closest("dinov3", known)).contains("dinov2");
        assertThat(Suggestions.closest("dense-descriptr", known)).contains("dense-descriptor");
        assertThat(Suggestions.closest("xyz", known)).isEmpty();
        assertThat(Suggestions.hint("dinov3", known)).isEqualTo("; did you mean 'dinov2'? Known: clip-text, dense-descriptor, dinov2");
        assertThat(Suggestions.hint("xyz", known)).startsWith("; the nearest known is '");
        assertThat(Suggestions.hint("xyz", List.of())).isEqualTo("; none are known");
    }
}
