package ai.dfc.labeling.pipeline;

import ai.dfc.api.edge.EdgeEstimator;
import ai.dfc.api.geometry.Box;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.numpy.NpyArray;
import ai.dfc.geometry.points.ViewVisibility;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SPEC §3.8 for one asset of the labeling render set: the raw heat map of every part, written as
 * {@code heatmap_aggregated/{asset}|||{part}|||3Dheatmap{suffix}.npy} (float64, one value per cloud point). Zoom-in
 * parts vote with the boxes of their crops moved back by the crop offsets; the others with their raw boxes. Edge parts
 * are weighted by {@link EdgeWeights} when an edge estimator is configured; without one they are voted unweighted, a
 * warning is logged and the file name says so (no {@code -with_edge}). A part whose heat map exists (any suffix) is
 * skipped. Runs on the calling thread.
 */
final class VotingStage {
    private static final System.Logger LOG = System.getLogger(VotingStage.class.getName());

    private final EdgeEstimator edges;
    private final RunCounters counters;

    VotingStage(EdgeEstimator edges, RunCounters counters) {
        this.edges = edges;
        this.counters = counters;
    }

    void run(RenderedAsset asset, List<PartSpec> parts) throws IOException {
        LabelingLayout out = new LabelingLayout(asset.layout().dir());
        String name = asset.name().folder();
        List<ViewVisibility> visibility = null;
        PointCloud cloud = null;
        float[] edgeProbability = null;
        for (PartSpec part : parts) {
            if (out.findHeatmap(name, part.fileName()).isPresent()) {
                continue;
            }
            if (visibility == null) {
                counters.report(LabelingProgress.Stage.VOTING, name);
                visibility = asset.visibility();
                cloud = asset.pointCloud();
            }
            List<HeatmapVoting.ViewVotes> votes = new ArrayList<>();
            for (Map.Entry<String, List<Box>> e : VotingBoxes.read(out, part).entrySet()) {
                int v = LabelingLayout.viewOf(e.getKey());
                if (v >= visibility.size()) {
                    throw new IOException(out.annotations(part.fileName()) + ": " + e.getKey() + " has no visible points in "
                            + asset.layout().visibility());
                }
                votes.add(new HeatmapVoting.ViewVotes(visibility.get(v), e.getValue()));
            }
            double[] h = HeatmapVoting.vote(cloud.size(), votes);
            boolean weighted = false;
            if (part.edge()) {
                if (edges == null) {
                    LOG.log(Level.WARNING, "{0}: no edge estimator configured; edge part ''{1}'' is voted unweighted",
                            name, part.name());
                } else {
                    if (edgeProbability == null) {
                        edgeProbability = EdgeWeights.perPoint(cloud, edges, asset.name().uid().hashCode());
                    }
                    HeatmapVoting.weightByEdges(h, edgeProbability);
                    weighted = true;
                }
            }
            Npy.write(out.heatmap(name, part.fileName(), part.zoomIn(), weighted), NpyArray.of(h, h.length));
        }
    }
}
