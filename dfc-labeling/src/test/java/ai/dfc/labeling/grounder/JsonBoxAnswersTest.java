package ai.dfc.labeling.grounder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.Grounding.Outcome;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import ai.dfc.labeling.grounder.JsonBoxAnswers.Convention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBoxAnswersTest {
    private static final SentImage IMG = SentImage.of(RgbImage.filled(ImageSize.square(100), 0), false);

    private static Grounding pixels(String text) {
        return JsonBoxAnswers.parse(text, IMG, Convention.PIXELS, 1000, false);
    }

    @Test
    void readsQwenStyleAnswers() {
        String qwen = "```json\n[\n\t{\"bbox_2d\": [10, 20, 30, 40], \"label\": \"blade\"}\n]\n```";
        assertThat(pixels(qwen).boxes()).containsExactly(new Box(10, 20, 30, 40));
        assertThat(pixels(qwen).raw()).isEqualTo(qwen);
        assertThat(pixels("Here it is: [{\"bbox_2d\": [10.5, 20, 30, 40.25]}] hope it helps").boxes())
                .containsExactly(new Box(10.5, 20, 30, 40.25));
        assertThat(pixels("{\"bbox\": [1, 2, 3, 4], \"label\": \"x\"}").boxes()).containsExactly(new Box(1, 2, 3, 4));
        assertThat(pixels("[1, 2, 3, 4]").boxes()).containsExactly(new Box(1, 2, 3, 4));
    }

    @Test
    void readsBoxesListsAndKeepsTheLastUnlessAllAreWanted() {
        String text = "{\"boxes\": [[1, 2, 3, 4], [5, 6, 7, 8]]}";
        assertThat(pixels(text).boxes()).containsExactly(new Box(5, 6, 7, 8));
        assertThat(JsonBoxAnswers.parse(text, IMG, Convention.PIXELS, 1, true).boxes())
                .containsExactly(new Box(1, 2, 3, 4), new Box(5, 6, 7, 8));
        assertThat(pixels("[[1, 2, 3, 4], [5, 6, 7, 8]]").boxes()).containsExactly(new Box(5, 6, 7, 8));
        assertThat(pixels("{\"boxes\": [{\"bbox_2d\": [1, 2, 3, 4]}]}").boxes()).containsExactly(new Box(1, 2, 3, 4));
    }

    @Test
    void convertsNormalizedCoordinatesPerAxis() {
        SentImage wide = SentImage.of(RgbImage.filled(new ImageSize(200, 100), 0), false);
        assertThat(JsonBoxAnswers.parse("[{\"bbox_2d\": [500, 500, 1000, 1000]}]", wide, Convention.NORMALIZED, 1000, false)
                .boxes()).containsExactly(new Box(100, 50, 200, 100));
        assertThat(JsonBoxAnswers.parse("{\"boxes\": [[0.25, 0.1, 0.5, 0.2]]}", wide, Convention.NORMALIZED, 1.0, false)
                .boxes()).containsExactly(new Box(50, 10, 100, 20));
        SentImage padded = SentImage.of(RgbImage.filled(new ImageSize(200, 100), 0), true); // 200², pad top 50
        assertThat(JsonBoxAnswers.parse("[[0.25, 0.25, 0.5, 0.5]]", padded, Convention.NORMALIZED, 1.0, false).boxes())
                .containsExactly(new Box(50, 0, 100, 50));
        assertThat(JsonBoxAnswers.parse("[[10, 40, 60, 300]]", padded, Convention.PIXELS, 1, false).boxes())
                .as("padding subtracted, then clamped").containsExactly(new Box(10, 0, 60, 100));
    }

    @Test
    void answersWithoutBoxesAreNoBox() {
        for (String text : new String[] {"[]", "```json\n[]\n```", "{\"boxes\": []}", "The blade is not visible.", ""}) {
            assertThat(pixels(text).outcome()).as(text).isEqualTo(Outcome.NO_BOX);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"bbox_2d\": [1, 2, 3]}]", "[{\"label\": \"blade\"}]", "{\"boxes\": 5}",
        "[{\"bbox_2d\": [1, 2, \"3\", 4]}]", "[{bbox_2d: [1, 2, 3, 4]}", "```json\n[{\"bbox_2d\": [1, 2,\n```",
        "[{\"bbox_2d\": [500, 500, 600, 600]}]", "[{\"bbox_2d\": [30, 20, 10, 40]}]", "{\"answer\": \"blade\"}",
        "[1, 2, 3, 4, 5]"})
    void rejectsMalformedAnswers(String text) {
        Grounding g = pixels(text);
        assertThat(g.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(g.raw()).isEqualTo(text);
    }
}
