package ai.dfc.labeling.grounder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.Grounding.Outcome;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CogVlmAnswersTest {
    private static final SentImage SQUARE = SentImage.of(RgbImage.filled(ImageSize.square(490), 0), true);

    private static Grounding parse(String text) {
        return CogVlmAnswers.parse(text, SQUARE);
    }

    @Test
    void convertsTheThousandScaleToPixels() {
        Grounding g = parse("The blade [[102,251,498,744]] of the knife.");
        assertThat(g.outcome()).isEqualTo(Outcome.BOXES);
        assertThat(g.boxes()).containsExactly(new Box(50, 123, 244, 365));
        assertThat(g.raw()).isEqualTo("The blade [[102,251,498,744]] of the knife.");
        assertThat(parse("[[0,0,1000,1000]]").boxes()).containsExactly(new Box(0, 0, 490, 490));
        assertThat(parse("[[ 100, 200,\n300, 400 ]]").boxes()).as("whitespace inside a group").containsExactly(new Box(49, 98, 147, 196));
    }

    /** Golden values of Python 3's {@code round(v * 0.001 * S)} (round half to even), printed by python3. */
    @Test
    void roundsHalfToEvenLikePython() {
        int[] values = {0, 1, 50, 150, 250, 350, 500, 501, 999, 1000, 102, 251, 498, 744};
        int[][] expected = {
            {490, 0, 0, 24, 74, 122, 172, 245, 245, 490, 490, 50, 123, 244, 365},
            {100, 0, 0, 5, 15, 25, 35, 50, 50, 100, 100, 10, 25, 50, 74},
            {37, 0, 0, 2, 6, 9, 13, 18, 19, 37, 37, 4, 9, 18, 28},
            {333, 0, 0, 17, 50, 83, 117, 166, 167, 333, 333, 34, 84, 166, 248}};
        for (int[] row : expected) {
            for (int i = 0; i < values.length; i++) {
                assertThat(CogVlmAnswers.toPixels(values[i], row[0])).as("v=%d S=%d", values[i], row[0])
                        .isEqualTo(row[i + 1]);
            }
        }
    }

    @Test
    void keepsOnlyTheLastBox() {
        assertThat(parse("[[10,10,20,20;100,200,300,400]]").boxes()).containsExactly(new Box(49, 98, 147, 196));
        assertThat(parse("blade [[10,10,20,20]] and edge [[100,200,300,400]]").boxes()).containsExactly(new Box(49, 98, 147, 196));
        assertThat(parse("[[1,1,2,2;3,3,4,4]] then [[100,200,300,400;500,500,600,600]]").boxes())
                .containsExactly(new Box(245, 245, 294, 294));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[1,2,3]]", "[[1,2,3,4,5]]", "[[1,2,3,4;5,6,7]]", "[[1,2,3,4]] [[1,2,3]]", "[[1,2,x,4]]",
        "[[1.5,2,3,4]]", "[[-1,2,3,4]]", "[[1,2,,3,4]]", "[[1,2,3,4,]]", "[[]]", "[[1,2,3,4;]]",
        "[[100,200,1200,400]]", "[[300,200,100,400]]", "[[1,2,3,99999999999]]"})
    void rejectsMalformedAnswers(String text) {
        Grounding g = parse("the blade " + text);
        assertThat(g.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(g.boxes()).isEmpty();
        assertThat(g.raw()).isEqualTo("the blade " + text);
    }

    @Test
    void answersWithoutBoxesAreNoBox() {
        for (String text : new String[] {"There is no blade in the picture.", "", "[1,2,3,4]", "[[1,2,3,4]"}) {
            Grounding g = parse(text);
            assertThat(g.outcome()).as(text).isEqualTo(Outcome.NO_BOX);
            assertThat(g.raw()).isEqualTo(text);
        }
    }

    @Test
    void subtractsThePaddingAndClampsToTheOriginalImage() {
        SentImage wide = SentImage.of(RgbImage.filled(new ImageSize(100, 50), 0), true); // S = 100, pad top 25
        assertThat(CogVlmAnswers.parse("[[100,300,300,600]]", wide).boxes()).containsExactly(new Box(10, 5, 30, 35));
        assertThat(CogVlmAnswers.parse("[[100,200,300,800]]", wide).boxes()).as("clamped")
                .containsExactly(new Box(10, 0, 30, 50));
        assertThat(CogVlmAnswers.parse("[[100,0,300,200]]", wide).outcome()).as("wholly in the top padding")
                .isEqualTo(Outcome.MALFORMED);
        assertThat(CogVlmAnswers.parse("[[100,800,300,1000]]", wide).outcome()).as("wholly in the bottom padding")
                .isEqualTo(Outcome.MALFORMED);
    }
}
