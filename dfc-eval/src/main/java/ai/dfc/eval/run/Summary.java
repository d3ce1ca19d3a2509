package ai.dfc.eval.run;

import ai.dfc.eval.metrics.DiscoveryScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The reference's aggregation ({@code gather_results}, SPEC §7.3): macro averages over direction entries, within
 * category, across categories and all, in the reference's CSV columns
 * {@code norm_dist{,_within,_across}, PCK_{23,15,10}{,…}, mean_best_f1_{23,15,10,5}{,…}, mAP_{23,15,10,5}{,…}}.
 * Groups without entries are NaN.
 */
public final class Summary {
    private Summary() {
    }

    /** Column name → value, in the reference's column order. */
    public static Map<String, Double> columns(List<EntryResult> entries) {
        Map<String, Double> out = new LinkedHashMap<>();
        add(out, "norm_dist", entries, e -> e.labelTransfer().normalizedDistance());
        add(out, "PCK_23", entries, e -> e.labelTransfer().pck23());
        add(out, "PCK_15", entries, e -> e.labelTransfer().pck15());
        add(out, "PCK_10", entries, e -> e.labelTransfer().pck10());
        for (int tau : DiscoveryScores.THRESHOLDS) {
            add(out, "mean_best_f1_" + tau, entries, e -> e.discovery().get(tau).bestF1());
        }
        for (int tau : DiscoveryScores.THRESHOLDS) {
            add(out, "mAP_" + tau, entries, e -> e.discovery().get(tau).ap());
        }
        return out;
    }

    private static void add(Map<String, Double> out, String name, List<EntryResult> entries,
            ToDoubleFunction<EntryResult> value) {
        out.put(name, mean(entries, e -> true, value));
        out.put(name + "_within", mean(entries, EntryResult::within, value));
        out.put(name + "_across", mean(entries, e -> !e.within(), value));
    }

    private static double mean(List<EntryResult> entries, Predicate<EntryResult> keep, ToDoubleFunction<EntryResult> value) {
        List<Double> v = new ArrayList<>();
        for (EntryResult e : entries) {
            if (keep.test(e)) {
                v.add(value.applyAsDouble(e));
            }
        }
        return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The reference's CSV: a header line and one row per method ({@code name, epoch, columns…}). */
    public static String csv(Map<String, Map<String, Double>> byMethod) {
        StringBuilder sb = new StringBuilder();
        boolean header = false;
        for (Map.Entry<String, Map<String, Double>> m : byMethod.entrySet()) {
            if (!header) {
                sb.append("name,epoch");
                m.getValue().keySet().forEach(k -> sb.append(',').append(k));
                sb.append('\n');
                header = true;
            }
            sb.append(m.getKey()).append(',');
            m.getValue().values().forEach(v -> sb.append(',').append(Double.isNaN(v) ? "nan" : Double.toString(v)));
            sb.append('\n');
        }
        return sb.toString();
    }
}
