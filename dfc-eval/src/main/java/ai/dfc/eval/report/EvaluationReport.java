package ai.dfc.eval.report;

import ai.dfc.api.benchmark.Benchmark;
import ai.dfc.api.benchmark.EvalImage;
import ai.dfc.api.benchmark.EvalPair;
import ai.dfc.benchdata.annotation.AnnotationPictures;
import ai.dfc.eval.metrics.DiscoveryScores;
import ai.dfc.eval.run.EntryResult;
import ai.dfc.eval.run.Evaluator;
import ai.dfc.eval.run.Predictor;
import ai.dfc.eval.run.Summary;
import ai.dfc.geometry.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an evaluation's results: {@code results.json} (summary columns and per-entry scores per method),
 * {@code results.csv} (the reference's columns), {@code predictions/<method>.json} (raw label-transfer predictions
 * and ranked discovery proposals per entry, so any metric can be recomputed outside DFC), pictures (label-transfer
 * colour maps and the top-10 discovered correspondences of the first pairs) and {@code report.html} showing the
 * within / across / all tables side by side with the pictures.
 */
public final class EvaluationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReport() {
    }

    /**
     * @param runs       one run per method, in report order
     * @param predictors the predictors the runs came from (same order), for the pictures
     * @param pictures   how many pairs get pictures
     */
    public static void write(Path dir, Benchmark benchmark, List<Evaluator.Run> runs, List<Predictor> predictors,
            int pictures) throws IOException {
        Map<String, Map<String, Double>> summaries = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        for (Evaluator.Run run : runs) {
            Map<String, Double> columns = Summary.columns(run.entries());
            summaries.put(run.method(), columns);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", columns);
            m.put("entries", run.entries().stream().map(EvaluationReport::entry).toList());
            results.put(run.method(), m);
            List<Object> raw = new ArrayList<>();
            for (Evaluator.EntryPredictions p : run.predictions()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("pair", p.pairId());
                e.put("direction", p.reversed() ? "2->1" : "1->2");
                e.put("queries_row_col", p.queries());
                e.put("predicted_row_col", p.predicted());
                e.put("proposals_source_row_col", p.proposals().ranked().source());
                e.put("proposals_target_row_col", p.proposals().ranked().target());
                e.put("proposal_scores", p.proposals().ranked().score());
                e.put("functional_proposals", p.proposals().functional());
                raw.add(e);
            }
            AtomicFiles.write(dir.resolve("predictions").resolve(safe(run.method()) + ".json"),
                    tmp -> JSON.writeValue(tmp.toFile(), raw));
        }
        AtomicFiles.write(dir.resolve("results.json"), tmp -> JSON.writeValue(tmp.toFile(), results));
        AtomicFiles.write(dir.resolve("results.csv"), Summary.csv(summaries).getBytes(StandardCharsets.UTF_8));

        List<EvalPair> pairs = benchmark.pairs();
        StringBuilder pics = new StringBuilder();
        for (int i = 0; i < Math.min(pictures, pairs.size()); i++) {
            EvalPair pair = pairs.get(i);
            EvalImage a = benchmark.image(pair.source());
            EvalImage b = benchmark.image(pair.target());
            pics.append("<h3>").append(html(pair.id())).append("</h3>\n<table><tr>");
            for (int m = 0; m < runs.size(); m++) {
                Evaluator.Run run = runs.get(m);
                String stem = "pictures/" + i + "-" + safe(run.method());
                LabelTransferPicture.write(dir.resolve(stem + "-transfer.png"), predictors.get(m), a, b, pair.function());
                Evaluator.EntryPredictions p = run.predictions().get(2 * i);
                AnnotationPictures.write(dir.resolve(stem + "-top10.png"), a.image(), p.proposals().ranked().source(),
                        b.image(), p.proposals().ranked().target(), 10, false);
                pics.append("<td><b>").append(html(run.method())).append("</b><br><img src='").append(stem)
                        .append("-transfer.png'><br><img src='").append(stem).append("-top10.png'></td>");
            }
            pics.append("</tr></table>\n");
        }
        StringBuilder page = new StringBuilder("<!doctype html><html><head><meta charset='utf-8'><title>DFC evaluation")
                .append("</title><style>body{font-family:sans-serif} table{border-collapse:collapse} td,th{border:1px solid #ccc;")
                .append("padding:3px 6px;text-align:right}</style></head><body><h1>DFC evaluation</h1>\n");
        page.append("<p>").append(pairs.size()).append(" pairs, both directions. Label transfer: normalized distance ")
                .append("(lower is better) and PCK; discovery: mean best F1 and AP at 23/15/10/5 px.</p>\n");
        for (String group : new String[] {"", "_within", "_across"}) {
            page.append("<h2>").append(group.isEmpty() ? "all pairs" : group.substring(1) + " category").append("</h2>\n<table><tr><th>method</th>");
            List<String> cols = new ArrayList<>(List.of("norm_dist", "PCK_23", "PCK_15", "PCK_10"));
            for (int tau : DiscoveryScores.THRESHOLDS) {
                cols.add("mean_best_f1_" + tau);
            }
            for (int tau : DiscoveryScores.THRESHOLDS) {
                cols.add("mAP_" + tau);
            }
            cols.forEach(c -> page.append("<th>").append(c).append("</th>"));
            page.append("</tr>\n");
            summaries.forEach((method, s) -> {
                page.append("<tr><td style='text-align:left'>").append(html(method)).append("</td>");
                cols.forEach(c -> page.append("<td>").append(format(s.get(c + group))).append("</td>"));
                page.append("</tr>\n");
            });
            page.append("</table>\n");
        }
        page.append("<h2>Pictures</h2><p>Left: label transfer (target pixels painted with the colour of their matched ")
                .append("source pixel). Right: the 10 best discovered correspondences.</p>\n").append(pics)
                .append("</body></html>\n");
        AtomicFiles.write(dir.resolve("report.html"), page.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> entry(EntryResult e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pair", e.pairId());
        m.put("direction", e.reversed() ? "2->1" : "1->2");
        m.put("within_category", e.within());
        m.put("label_transfer", e.labelTransfer());
        Map<String, Object> d = new LinkedHashMap<>();
        e.discovery().forEach((tau, s) -> d.put(Integer.toString(tau), Map.of("best_f1", s.bestF1(), "ap", s.ap())));
        m.put("discovery", d);
        return m;
    }

    private static String format(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
