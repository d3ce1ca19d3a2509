package ai.dfc.labeling.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §3.4's repeat-until-4 loop against a grounder that answers from a script keyed by sample index. */
class BoxCollectorTest {
    private static final RgbImage IMAGE = RgbImage.filled(ImageSize.square(100), 0);
    private static final PartDescription PART = new PartDescription(PartName.of("tip"), "- Tip - The pointed end.");

    /** Answers sample index i with script.get(i) (NO_BOX past the end) and records the indices it was asked. */
    private static final class ScriptedGrounder implements Grounder {
        private final Map<Integer, Grounding> script;
        private final List<Integer> asked = new ArrayList<>();

        ScriptedGrounder(Map<Integer, Grounding> script) {
            this.script = script;
        }

        @Override
        public synchronized Grounding ground(GroundingQuery query) {
            asked.add(query.sampleIndex());
            return script.getOrDefault(query.sampleIndex(), Grounding.of(List.of(), ""));
        }

        @Override
        public void close() {
        }
    }

    private static Grounding boxes(Box... boxes) {
        return Grounding.of(List.of(boxes), "raw");
    }

    @Test
    void asksSampleIndicesInTurnUntilFourBoxesAndKeepsTheLastBoxOfEachAnswer() {
        ScriptedGrounder g = new ScriptedGrounder(Map.of(
                0, boxes(new Box(0, 0, 5, 5)),
                1, Grounding.malformed("<html>502</html>"),
                2, boxes(new Box(1, 1, 2, 2), new Box(10, 10, 20, 20)),
                3, Grounding.of(List.of(), "nothing"),
                4, boxes(new Box(3, 3, 9, 9)),
                5, boxes(new Box(4, 4, 8, 8)),
                6, boxes(new Box(7, 7, 9, 9))));
        BoxCollector.Collected c = BoxCollector.collect(g, IMAGE, ObjectCategory.of("knife"), PART, null);
        assertThat(g.asked).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(c.complete()).isTrue();
        assertThat(c.boxes()).containsExactly(new Box(0, 0, 5, 5), new Box(10, 10, 20, 20), new Box(3, 3, 9, 9),
                new Box(4, 4, 8, 8));
        assertThat(c.attempts()).isEqualTo(6);
        assertThat(c.malformed()).isEqualTo(1);
        assertThat(c.noBox()).isEqualTo(1);
    }

    @Test
    void givesUpAfterEightQuestionsAndTheViewCountsForNothing() {
        ScriptedGrounder g = new ScriptedGrounder(Map.of(0, boxes(new Box(0, 0, 5, 5)), 3, boxes(new Box(0, 0, 5, 5)),
                7, boxes(new Box(0, 0, 5, 5)), 8, boxes(new Box(0, 0, 5, 5))));
        BoxCollector.Collected c = BoxCollector.collect(g, IMAGE, ObjectCategory.of("knife"), PART, null);
        assertThat(g.asked).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(c.boxes()).hasSize(3);
        assertThat(c.complete()).isFalse();
        assertThat(c.noBox()).isEqualTo(5);
    }
}
