package ai.dfc.labeling;

import ai.dfc.api.edge.EdgeEstimatorFactory;
import ai.dfc.api.grounder.GrounderFactory;
import ai.dfc.api.namer.PartNamerFactory;
import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.labeling.edge.CurvatureEdgeEstimator;
import ai.dfc.labeling.grounder.CogVlmGrounder;
import ai.dfc.labeling.grounder.OpenAiVlmGrounder;
import ai.dfc.labeling.grounder.SimulatedGrounder;
import ai.dfc.labeling.namer.OpenAiChatPartNamer;
import ai.dfc.labeling.namer.TaxonomyFilePartNamer;
import java.util.List;

/** The built-in plugins of dfc-labeling, registered through {@code META-INF/services} like any other plugin. */
public final class LabelingPlugin implements DfcPlugin {
    @Override
    public String id() {
        return "dfc-labeling";
    }

    @Override
    public List<GrounderFactory<?>> grounders() {
        return List.of(new CogVlmGrounder.Factory(), new OpenAiVlmGrounder.Factory(), new SimulatedGrounder.Factory());
    }

    @Override
    public List<PartNamerFactory<?>> partNamers() {
        return List.of(new OpenAiChatPartNamer.Factory(), new TaxonomyFilePartNamer.Factory());
    }

    @Override
    public List<EdgeEstimatorFactory<?>> edgeEstimators() {
        return List.of(new CurvatureEdgeEstimator.Factory());
    }
}
