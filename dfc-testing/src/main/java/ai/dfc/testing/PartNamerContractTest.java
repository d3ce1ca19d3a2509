package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.namer.PartNamer;
import ai.dfc.api.plugin.Role;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link PartNamer} contract: a known (category, function) pair yields parts, each named once, in a stable
 * order; an unknown pair yields an empty list.
 *
 * @param <C> the settings record
 */
public abstract class PartNamerContractTest<C extends Record> extends PluginContractTest<C, PartNamer> {

    @Override
    protected final Role role() {
        return Role.PART_NAMER;
    }

    /** A category the namer knows parts of for {@link #knownFunction()}. */
    protected abstract ObjectCategory knownCategory();

    protected abstract FunctionName knownFunction();

    /** A category the namer knows nothing of. */
    protected ObjectCategory unknownCategory() {
        return ObjectCategory.of("no-such-category-xyz");
    }

    @Test
    void namesEachPartOnceInAStableOrder() {
        try (PartNamer namer = create()) {
            List<PartDescription> parts = namer.parts(knownCategory(), knownFunction());
            assertThat(parts).isNotEmpty();
            assertThat(parts.stream().map(PartDescription::part)).doesNotHaveDuplicates();
            assertThat(namer.parts(knownCategory(), knownFunction())).isEqualTo(parts);
        }
    }

    @Test
    void answersAnUnknownCategoryWithNoParts() {
        try (PartNamer namer = create()) {
            assertThat(namer.parts(unknownCategory(), knownFunction())).isEmpty();
        }
    }
}
