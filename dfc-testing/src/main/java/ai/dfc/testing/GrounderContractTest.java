package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.plugin.Role;
import org.junit.jupiter.api.Test;

/**
 * The {@link Grounder} contract: boxes lie inside the query image; a query with nothing to find answers an
 * empty list (not an exception); the same query and sample index answer the same.
 *
 * @param <C> the settings record
 */
public abstract class GrounderContractTest<C extends Record> extends PluginContractTest<C, Grounder> {

    @Override
    protected final Role role() {
        return Role.GROUNDER;
    }

    /** A query the grounder answers with at least one box (for a remote grounder: against its test server). */
    protected abstract GroundingQuery answerableQuery();

    /** A query whose answer contains no box. */
    protected abstract GroundingQuery emptyQuery();

    @Test
    void answersWithBoxesInsideTheImage() {
        try (Grounder grounder = create()) {
            GroundingQuery q = answerableQuery();
            Grounding g = grounder.ground(q);
            assertThat(g.outcome()).isEqualTo(Grounding.Outcome.BOXES);
            assertThat(g.boxes()).isNotEmpty();
            for (Box b : g.boxes()) {
                assertThat(b.within(q.image().size())).as("%s inside %s", b, q.image().size()).isTrue();
            }
        }
    }

    @Test
    void answersNothingWithAnEmptyList() {
        try (Grounder grounder = create()) {
            Grounding g = grounder.ground(emptyQuery());
            assertThat(g.boxes()).isEmpty();
            assertThat(g.outcome()).isNotEqualTo(Grounding.Outcome.BOXES);
        }
    }

    @Test
    void answersTheSameQueryAndSampleTheSame() {
        try (Grounder grounder = create()) {
            assertThat(grounder.ground(answerableQuery()).boxes()).isEqualTo(grounder.ground(answerableQuery()).boxes());
        }
    }
}
