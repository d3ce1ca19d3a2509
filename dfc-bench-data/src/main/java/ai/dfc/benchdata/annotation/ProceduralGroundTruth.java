package ai.dfc.benchdata.annotation;

import ai.dfc.api.geometry.Camera;
import ai.dfc.api.geometry.PointCloud;
import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.procedural.PartFrame;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import ai.dfc.benchdata.render.ProcessedViews;
import ai.dfc.benchdata.render.ProjectedPoints;
import ai.dfc.benchdata.render.RenderedAsset;
import ai.dfc.geometry.align.EuclideanAssignmentCosts;
import ai.dfc.geometry.align.FarthestPointSampling;
import ai.dfc.geometry.align.LinearAssignmentSolver;
import ai.dfc.geometry.camera.ObjectPose;
import ai.dfc.geometry.points.ViewVisibility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Dense evaluation ground truth for pairs of procedural objects that share a function, SPEC §4.3 with the human
 * steps replaced by what the procedural world knows exactly:
 * <ol>
 *   <li><b>Functional alignment</b> (the reference's Blender annotation, §4.2): object B is moved so the canonical
 *       frame of its functional part lands on A's ({@link PartFrame#alignTo}), scaled by the ratio of the parts'
 *       sizes, so corresponding parts overlap in 3-D.</li>
 *   <li><b>Functional parts</b> (the reference's annotated boxes): the cloud points whose part id is one of the
 *       function's parts.</li>
 *   <li><b>Views</b>: A's source view uniformly among the 5 views seeing most of its part; B's target view uniformly
 *       among the 5 best by {@code 0.5·|vis ∩ V|/|V| + 0.5·|vis ∩ part|/|part|}, where V are B's aligned points
 *       visible from A's source camera (z-buffer); repeated until an unused view pair, up to {@code trials}.</li>
 *   <li><b>Correspondences</b>: the part's visible points of each view in 224 space (§3.10), one per pixel (first
 *       point of each pixel in (row, col) order), randomly permuted, the larger set reduced by farthest-point
 *       sampling to {@code N = min(maxPoints, n₁, n₂)}, then an optimal assignment on 3-D distance in the aligned
 *       frame; pairs farther apart than {@code maxDistance} are dropped (the reference keeps all).</li>
 * </ol>
 * Output: the reference's annotation layout ({@link AnnotationFiles}) and a selection file listing every trial.
 */
public final class ProceduralGroundTruth {
    private static final int TOP_VIEWS = 5;
    private static final int MIN_CORRESPONDENCES = 16;

    /**
     * @param trials       view-pair trials per asset pair (the reference: 6)
     * @param maxPoints    correspondences per trial at most (the reference: 10,000)
     * @param maxDistance  largest 3-D distance of a kept pair, in normalized object units
     * @param pairsPerFunction asset pairs per function at most (the reference: 50 accepted pairs)
     * @param seed         random seed of view choice, permutation and FPS starts
     */
    public record Options(int trials, int maxPoints, double maxDistance, int pairsPerFunction, long seed) {
        public Options {
            if (trials < 1 || maxPoints < MIN_CORRESPONDENCES || !(maxDistance > 0) || pairsPerFunction < 1) {
                throw new IllegalArgumentException("bad ground-truth options " + trials + ", " + maxPoints + ", "
                        + maxDistance + ", " + pairsPerFunction);
            }
        }

        public static Options reference() {
            return new Options(6, 10_000, 0.08, 50, 42);
        }
    }

    /** One asset's facts needed here, loaded once. */
    private record Loaded(RenderedAsset asset, PointCloud cloud, List<String> parts, Map<String, PartFrame> frames,
            List<ViewVisibility> visibility, double[] assetToWorld) {
    }

    private final ProceduralWorld world;
    private final Options options;
    private final ObjectMapper json = new ObjectMapper();

    public ProceduralGroundTruth(ProceduralWorld world, Options options) {
        this.world = world;
        this.options = options;
    }

    /**
     * Annotates every function shared by the given assets (all rendered with 30 evaluation views) and writes the
     * trials under {@code out} plus {@code selection}.
     *
     * @return the trials written
     */
    public List<AnnotationTrial> annotate(List<RenderedAsset> assets, Path out, Path selection) throws IOException {
        Random random = new Random(options.seed());
        Map<String, Loaded> loaded = new LinkedHashMap<>();
        for (RenderedAsset a : assets) {
            ProcessedViews.write(a);
            loaded.put(a.name().folder(), load(a));
        }
        List<AnnotationTrial> written = new ArrayList<>();
        Map<String, Map<String, List<Integer>>> selected = new LinkedHashMap<>();
        for (Map.Entry<FunctionName, List<String>> f : world.categoriesByFunction().entrySet()) {
            List<Loaded> serving = loaded.values().stream()
                    .filter(l -> f.getValue().contains(l.asset().name().category())).toList();
            List<Loaded[]> pairs = new ArrayList<>();
            for (int i = 0; i < serving.size(); i++) {
                for (int j = i + 1; j < serving.size(); j++) {
                    pairs.add(new Loaded[] {serving.get(i), serving.get(j)});
                }
            }
            Collections.shuffle(pairs, random);
            for (Loaded[] pair : pairs.subList(0, Math.min(pairs.size(), options.pairsPerFunction()))) {
                List<AnnotationTrial> trials = annotatePair(f.getKey(), pair[0], pair[1], random);
                for (AnnotationTrial t : trials) {
                    AnnotationFiles.write(out, t);
                    selected.computeIfAbsent(f.getKey().value(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(t.pairKey(), k -> new ArrayList<>()).add(t.trial());
                }
                written.addAll(trials);
            }
        }
        AnnotationFiles.writeSelection(selection, selected);
        return written;
    }

    private Loaded load(RenderedAsset a) throws IOException {
        JsonNode meta = json.readTree(a.layout().assetJson().toFile());
        List<String> parts = new ArrayList<>();
        meta.get("parts").forEach(n -> parts.add(n.asText()));
        Map<String, PartFrame> frames = new LinkedHashMap<>();
        JsonNode fr = meta.get("part_frames");
        if (fr == null) {
            throw new IOException(a.layout().assetJson() + ": no part_frames (not a procedural asset?)");
        }
        fr.fields().forEachRemaining(e -> frames.put(e.getKey(), new PartFrame(vec(e.getValue().get("origin")),
                vec(e.getValue().get("x")), vec(e.getValue().get("y")), vec(e.getValue().get("z")),
                e.getValue().get("size").asDouble())));
        return new Loaded(a, a.pointCloud(), parts, frames, a.visibility(), ObjectPose.assetToWorld(a.objectPose()));
    }

    private static double[] vec(JsonNode n) {
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble()};
    }

    private List<AnnotationTrial> annotatePair(FunctionName function, Loaded a, Loaded b, Random random) throws IOException {
        List<String> partsA = world.category(a.asset().name().category()).functions().get(function);
        List<String> partsB = world.category(b.asset().name().category()).functions().get(function);
        BitSet partA = partPoints(a, partsA);
        BitSet partB = partPoints(b, partsB);
        if (partA.isEmpty() || partB.isEmpty()) {
            return List.of();
        }
        double[] alignedB = aligned(b, a.frames().get(partsA.get(0)), b.frames().get(partsB.get(0)));
        List<AnnotationTrial> out = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        for (int attempt = 0; attempt < 4 * options.trials() && out.size() < options.trials(); attempt++) {
            int src = pickTop(scores(a.visibility(), partA, null), random);
            if (src < 0) {
                break;
            }
            BitSet seenFromSource = visibleFrom(alignedB, a, src);
            int tgt = pickTop(scores(b.visibility(), partB, seenFromSource), random);
            if (tgt < 0 || !used.add(((long) src << 32) | tgt)) {
                continue;
            }
            AnnotationTrial t = trial(function, a, src, partA, b, tgt, partB, alignedB, out.size(), random);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static BitSet partPoints(Loaded l, List<String> parts) {
        BitSet s = new BitSet(l.cloud().size());
        Set<Integer> ids = new HashSet<>();
        parts.forEach(p -> ids.add(l.parts().indexOf(p)));
        for (int i = 0; i < l.cloud().size(); i++) {
            if (ids.contains(l.cloud().partId(i))) {
                s.set(i);
            }
        }
        return s;
    }

    /** B's cloud moved so B's part frame lands on A's, scaled by the ratio of the part sizes (3 doubles per point). */
    private static double[] aligned(Loaded b, PartFrame target, PartFrame source) {
        double s = target.size() / source.size();
        double[] m = source.alignTo(target);
        double[] o = source.origin();
        double[] out = new double[3 * b.cloud().size()];
        for (int i = 0; i < b.cloud().size(); i++) {
            double x = o[0] + s * (b.cloud().coordinate(i, 0) - o[0]);
            double y = o[1] + s * (b.cloud().coordinate(i, 1) - o[1]);
            double z = o[2] + s * (b.cloud().coordinate(i, 2) - o[2]);
            for (int r = 0; r < 3; r++) {
                out[3 * i + r] = m[4 * r] * x + m[4 * r + 1] * y + m[4 * r + 2] * z + m[4 * r + 3];
            }
        }
        return out;
    }

    /** Per view: |vis ∩ part| / |part| (and, with {@code v}, averaged with |vis ∩ v| / |v|). */
    private static double[] scores(List<ViewVisibility> views, BitSet part, BitSet v) {
        double[] s = new double[views.size()];
        for (int k = 0; k < views.size(); k++) {
            int inPart = 0;
            int inV = 0;
            for (int p : views.get(k).pointIndices()) {
                if (part.get(p)) {
                    inPart++;
                }
                if (v != null && v.get(p)) {
                    inV++;
                }
            }
            s[k] = v == null ? inPart : 0.5 * inPart / Math.max(1, part.cardinality())
                    + 0.5 * inV / Math.max(1, v.cardinality());
        }
        return s;
    }

    /** Uniformly one of the (up to) 5 best views with a positive score, or −1. */
    private static int pickTop(double[] scores, Random random) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        int n = 0;
        while (n < Math.min(TOP_VIEWS, order.length) && scores[order[n]] > 0) {
            n++;
        }
        return n == 0 ? -1 : order[random.nextInt(n)];
    }

    /** B's aligned points that a z-buffer sees from A's camera {@code view} (one point per pixel, nearest wins). */
    private static BitSet visibleFrom(double[] alignedB, Loaded a, int view) throws IOException {
        Camera camera = a.asset().camera(view);
        int w = camera.size().width();
        int h = camera.size().height();
        double[] depth = new double[w * h];
        int[] owner = new int[w * h];
        Arrays.fill(depth, Double.POSITIVE_INFINITY);
        Arrays.fill(owner, -1);
        double[] m = a.assetToWorld();
        for (int i = 0; i < alignedB.length / 3; i++) {
            double x = alignedB[3 * i];
            double y = alignedB[3 * i + 1];
            double z = alignedB[3 * i + 2];
            double[] uvz = camera.project(m[0] * x + m[1] * y + m[2] * z + m[3], m[4] * x + m[5] * y + m[6] * z + m[7],
                    m[8] * x + m[9] * y + m[10] * z + m[11]);
            if (!(uvz[2] > 0)) {
                continue;
            }
            int c = (int) Math.round(uvz[0]);
            int r = (int) Math.round(uvz[1]);
            if (r < 0 || c < 0 || r >= h || c >= w) {
                continue;
            }
            if (uvz[2] < depth[r * w + c]) {
                depth[r * w + c] = uvz[2];
                owner[r * w + c] = i;
            }
        }
        BitSet v = new BitSet();
        for (int o : owner) {
            if (o >= 0) {
                v.set(o);
            }
        }
        return v;
    }

    private AnnotationTrial trial(FunctionName function, Loaded a, int src, BitSet partA, Loaded b, int tgt, BitSet partB,
            double[] alignedB, int index, Random random) throws IOException {
        int[][] pa = partPixels(ProcessedViews.visibility(a.asset(), src), partA, random);
        int[][] pb = partPixels(ProcessedViews.visibility(b.asset(), tgt), partB, random);
        int n = Math.min(options.maxPoints(), Math.min(pa.length, pb.length));
        if (n < MIN_CORRESPONDENCES) {
            return null;
        }
        pa = reduce(pa, n, random);
        pb = reduce(pb, n, random);
        double[] xyzA = new double[3 * n];
        double[] xyzB = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                xyzA[3 * i + k] = a.cloud().coordinate(pa[i][2], k);
                xyzB[3 * i + k] = alignedB[3 * pb[i][2] + k];
            }
        }
        int[] match = LinearAssignmentSolver.solve(new EuclideanAssignmentCosts(xyzA, xyzB)).rowToColumn();
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = match[i];
            double d = Math.sqrt(Math.pow(xyzA[3 * i] - xyzB[3 * j], 2) + Math.pow(xyzA[3 * i + 1] - xyzB[3 * j + 1], 2)
                    + Math.pow(xyzA[3 * i + 2] - xyzB[3 * j + 2], 2));
            if (d <= options.maxDistance()) {
                kept.add(new int[] {pa[i][0], pa[i][1], pb[j][0], pb[j][1]});
            }
        }
        if (kept.size() < MIN_CORRESPONDENCES) {
            return null;
        }
        int[] outA = new int[2 * kept.size()];
        int[] outB = new int[2 * kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            outA[2 * i] = kept.get(i)[0];
            outA[2 * i + 1] = kept.get(i)[1];
            outB[2 * i] = kept.get(i)[2];
            outB[2 * i + 1] = kept.get(i)[3];
        }
        return new AnnotationTrial(function, a.asset().name(), ProcessedViews.imageName(src), outA, b.asset().name(),
                ProcessedViews.imageName(tgt), outB, index);
    }

    /**
     * The part's processed pixels {row, col, point}: one per pixel (the first point of each pixel in (row, col)
     * order, as {@code np.unique} keeps it), then randomly permuted.
     */
    private static int[][] partPixels(ProjectedPoints points, BitSet part, Random random) {
        Map<Long, int[]> byPixel = new java.util.TreeMap<>();
        for (int i = 0; i < points.size(); i++) {
            int p = points.pointIndices()[i];
            if (part.get(p)) {
                byPixel.putIfAbsent(((long) points.rows()[i] << 32) | points.cols()[i],
                        new int[] {points.rows()[i], points.cols()[i], p});
            }
        }
        List<int[]> list = new ArrayList<>(byPixel.values());
        Collections.shuffle(list, random);
        return list.toArray(int[][]::new);
    }

    /** Farthest-point sampling in 2-D pixel space down to {@code n} pixels (random start), keeping selection order. */
    private static int[][] reduce(int[][] pixels, int n, Random random) {
        if (pixels.length == n) {
            return pixels;
        }
        double[] xy = new double[2 * pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            xy[2 * i] = pixels[i][0];
            xy[2 * i + 1] = pixels[i][1];
        }
        int[] chosen = FarthestPointSampling.sample(xy, 2, n, random.nextInt(pixels.length));
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = pixels[chosen[i]];
        }
        return out;
    }
}
