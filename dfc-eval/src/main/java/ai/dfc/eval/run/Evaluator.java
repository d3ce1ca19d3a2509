package ai.dfc.eval.run;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.benchmark.EvalPair;
import ai.dfc.api.correspondence.CorrespondenceSet;
import ai.dfc.eval.metrics.DiscoveryScores;
import ai.dfc.eval.metrics.LabelTransferScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Runs label transfer and correspondence discovery (SPEC §7.1–7.2) for every pair of a benchmark in both directions
 * and scores each direction entry. The reference's per-entry macro averaging is done by {@link Summary}.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Raw predictions of one entry, for JSON dumps: the query points, their predictions, and the ranked proposals. */
    public record EntryPredictions(String pairId, boolean reversed, int[] queries, int[] predicted,
            Predictor.Proposals proposals) {
    }

    /** All scores and raw predictions of a run. */
    public record Run(String method, List<EntryResult> entries, List<EntryPredictions> predictions) {
    }

    /**
     * @param progress called with the number of pairs done after each pair
     */
    public static Run evaluate(Benchmark benchmark, Predictor predictor, IntConsumer progress) {
        List<EntryResult> entries = new ArrayList<>();
        List<EntryPredictions> raw = new ArrayList<>();
        int done = 0;
        for (EvalPair pair : benchmark.pairs()) {
            EvalImage a = benchmark.image(pair.source());
            EvalImage b = benchmark.image(pair.target());
            for (boolean reversed : new boolean[] {false, true}) {
                CorrespondenceSet gt = reversed ? pair.groundTruth().reversed() : pair.groundTruth();
                EvalImage from = reversed ? b : a;
                EvalImage to = reversed ? a : b;
                int[] queries = gt.sourcePoints();
                int[] truth = gt.targetPoints();
                int[] predicted = predictor.transfer(from, to, pair.function(), queries);
                double[] errors = new double[queries.length / 2];
                for (int i = 0; i < errors.length; i++) {
                    errors[i] = Math.hypot(predicted[2 * i] - truth[2 * i], predicted[2 * i + 1] - truth[2 * i + 1]);
                }
                Predictor.Proposals proposals = predictor.discover(from, to, pair.function());
                Map<Integer, DiscoveryScores> discovery = new LinkedHashMap<>();
                for (int tau : DiscoveryScores.THRESHOLDS) {
                    discovery.put(tau, DiscoveryScores.of(proposals.ranked().source(), proposals.ranked().target(), queries,
                            truth, tau));
                }
                entries.add(new EntryResult(pair.id(), reversed, pair.withinCategory(), LabelTransferScores.of(errors),
                        discovery));
                raw.add(new EntryPredictions(pair.id(), reversed, queries, predicted, proposals));
            }
            progress.accept(++done);
        }
        return new Run(predictor.name(), entries, raw);
    }
}
