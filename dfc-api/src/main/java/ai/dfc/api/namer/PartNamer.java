package ai.dfc.api.namer;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import java.util.List;

/**
 * Names the functional parts of an object category for a function: (mug, pour-with) → rim. An LLM over
 * HTTP or a taxonomy file.
 *
 * <p><b>Threading:</b> thread-safe. <b>Lifecycle:</b> the creator closes it; idempotent.
 */
public interface PartNamer extends AutoCloseable {

    /**
     * The parts of a {@code category} object that perform {@code function}, one description per part, no
     * part twice, in a stable order.
     *
     * @return the parts; empty when the namer knows no part of the category for the function
     * @throws ai.dfc.api.DfcException when a remote namer cannot be reached after its retries
     */
    List<PartDescription> parts(ObjectCategory category, FunctionName function);

    @Override
    void close();
}
