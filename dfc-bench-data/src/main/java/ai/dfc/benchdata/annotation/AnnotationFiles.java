package ai.dfc.benchdata.annotation;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.benchdata.world.TaxonomyFiles;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.numpy.NpyArray;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and writes the reference's dense annotation layout (SPEC §4.3–4.4):
 * <pre>
 * &lt;root&gt;/&lt;function&gt;/&lt;objA&gt;|||&lt;objB&gt;|||0000/trial_&lt;t&gt;/&lt;objA&gt;|||&lt;imgA&gt;.npy   int (N, 2) (row, col)
 *                                                     /&lt;objB&gt;|||&lt;imgB&gt;.npy   row i matches row i
 * selected_annotations.json: {function: {"objA|||objB": [kept trial indices]}}
 * </pre>
 * Only annotation index {@code 0000} is read, as the reference's evaluation does. The same reader serves the
 * authors' Objaverse and HANDAL annotations and DFC's procedural ground truth.
 */
public final class AnnotationFiles {
    /** The reference's name separator. */
    public static final String SEP = "|||";
    private static final String ANNOTATION = "0000";

    private AnnotationFiles() {
    }

    /** The folder of one trial. */
    public static Path trialDir(Path root, FunctionName function, AssetName a, AssetName b, int trial) {
        return root.resolve(function.value()).resolve(a.folder() + SEP + b.folder() + SEP + ANNOTATION)
                .resolve("trial_" + trial);
    }

    /** Writes one trial's two files (int64, as NumPy writes Python ints). */
    public static void write(Path root, AnnotationTrial t) throws IOException {
        Path dir = trialDir(root, t.function(), t.objectA(), t.objectB(), t.trial());
        Files.createDirectories(dir);
        Npy.write(dir.resolve(t.objectA().folder() + SEP + t.imageA() + ".npy"), points(t.pointsA()));
        Npy.write(dir.resolve(t.objectB().folder() + SEP + t.imageB() + ".npy"), points(t.pointsB()));
    }

    private static NpyArray points(int[] rowCol) {
        long[] v = new long[rowCol.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rowCol[i];
        }
        return NpyArray.of(v, rowCol.length / 2, 2);
    }

    /** Writes the selection file: function → pair key → kept trial indices. */
    public static void writeSelection(Path file, Map<String, Map<String, List<Integer>>> selection) throws IOException {
        TaxonomyFiles.writeJson(file, selection);
    }

    /**
     * Reads the trials listed in {@code selection} (every trial folder found when {@code selection} is null), in the
     * selection file's order (functions, then pairs, then trials), or sorted when reading everything.
     *
     * @throws IOException naming the file that is missing or malformed
     */
    public static List<AnnotationTrial> read(Path root, Path selection) throws IOException {
        Map<String, Map<String, List<Integer>>> wanted = selection != null ? readSelection(selection) : scan(root);
        List<AnnotationTrial> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Integer>>> f : wanted.entrySet()) {
            FunctionName function = FunctionName.of(f.getKey());
            for (Map.Entry<String, List<Integer>> pair : f.getValue().entrySet()) {
                String[] names = pair.getKey().split("\\|\\|\\|");
                if (names.length != 2) {
                    throw new IOException("pair key '" + pair.getKey() + "' is not 'objA|||objB'");
                }
                AssetName a = AssetName.parse(names[0]);
                AssetName b = AssetName.parse(names[1]);
                for (int trial : pair.getValue()) {
                    out.add(readTrial(root, function, a, b, trial));
                }
            }
        }
        return out;
    }

    private static AnnotationTrial readTrial(Path root, FunctionName function, AssetName a, AssetName b, int trial)
            throws IOException {
        Path dir = trialDir(root, function, a, b, trial);
        if (!Files.isDirectory(dir)) {
            throw new IOException("annotation trial folder missing: " + dir);
        }
        Path fileA = null;
        Path fileB = null;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(a.folder() + SEP) && n.endsWith(".npy")) {
                    fileA = p;
                } else if (n.startsWith(b.folder() + SEP) && n.endsWith(".npy")) {
                    fileB = p;
                }
            }
        }
        if (fileA == null || fileB == null) {
            throw new IOException(dir + ": expected one '" + a.folder() + SEP + "<image>.npy' and one '" + b.folder() + SEP
                    + "<image>.npy'");
        }
        int[] pa = readPoints(fileA);
        int[] pb = readPoints(fileB);
        if (pa.length != pb.length) {
            throw new IOException(dir + ": the two point files differ in length (" + pa.length / 2 + " vs " + pb.length / 2 + ")");
        }
        return new AnnotationTrial(function, a, image(fileA, a), pa, b, image(fileB, b), pb, trial);
    }

    private static String image(Path file, AssetName asset) {
        String n = file.getFileName().toString();
        return n.substring(asset.folder().length() + SEP.length(), n.length() - ".npy".length());
    }

    private static int[] readPoints(Path file) throws IOException {
        NpyArray a;
        try {
            a = Npy.read(file);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        long[] shape = a.shape();
        if (shape.length != 2 || shape[1] != 2) {
            throw new IOException(file + ": expected an (N, 2) array of (row, col), found shape " + Arrays.toString(shape));
        }
        try {
            return a.toInts();
        } catch (IllegalStateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, List<Integer>>> readSelection(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not readable JSON (" + e.getMessage() + ")", e);
        }
        Map<String, Map<String, List<Integer>>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> f = root.fields(); f.hasNext();) {
            Map.Entry<String, JsonNode> fe = f.next();
            Map<String, List<Integer>> pairs = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = fe.getValue().fields(); p.hasNext();) {
                Map.Entry<String, JsonNode> pe = p.next();
                List<Integer> trials = new ArrayList<>();
                pe.getValue().forEach(n -> trials.add(n.asInt()));
                pairs.put(pe.getKey(), trials);
            }
            out.put(fe.getKey(), pairs);
        }
        return out;
    }

    private static Map<String, Map<String, List<Integer>>> scan(Path root) throws IOException {
        Map<String, Map<String, List<Integer>>> out = new LinkedHashMap<>();
        try (Stream<Path> functions = Files.list(root)) {
            for (Path f : functions.filter(Files::isDirectory).sorted().toList()) {
                Map<String, List<Integer>> pairs = new LinkedHashMap<>();
                try (Stream<Path> ps = Files.list(f)) {
                    for (Path pair : ps.filter(Files::isDirectory).sorted().toList()) {
                        String n = pair.getFileName().toString();
                        if (!n.endsWith(SEP + ANNOTATION)) {
                            continue;
                        }
                        List<Integer> trials = new ArrayList<>();
                        try (Stream<Path> ts = Files.list(pair)) {
                            ts.map(t -> t.getFileName().toString()).filter(t -> t.matches("trial_\\d+"))
                                    .map(t -> Integer.parseInt(t.substring(6))).sorted().forEach(trials::add);
                        }
                        pairs.put(n.substring(0, n.length() - SEP.length() - ANNOTATION.length()), trials);
                    }
                }
                out.put(f.getFileName().toString(), pairs);
            }
        }
        return out;
    }
}
