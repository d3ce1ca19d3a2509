package ai.dfc.benchdata.world;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.procedural.ProceduralWorld;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seen/unseen splits of a procedural world, deterministic from a seed, in the spirit of the reference's splits
 * (SPEC §1.1): a set of <b>unseen</b> categories never used in training, and for the seen categories a train/test
 * split of instances. Unseen categories are chosen so every function they serve is also served by some seen
 * category (otherwise "transfer to an unseen category" would also be transfer to an unseen function).
 *
 * @param train      asset names for training (seen categories)
 * @param test       held-out instances of the seen categories
 * @param unseenTest all instances of the unseen categories
 * @param unseen     the unseen categories
 */
public record WorldSplits(List<AssetName> train, List<AssetName> test, List<AssetName> unseenTest, Set<String> unseen) {

    public WorldSplits {
        train = List.copyOf(train);
        test = List.copyOf(test);
        unseenTest = List.copyOf(unseenTest);
        unseen = Collections.unmodifiableSet(new TreeSet<>(unseen));
    }

    /**
     * @param instances      instances per category
     * @param unseenFraction fraction of categories held out entirely (the reference: 22 of 160 ≈ 0.14)
     * @param testFraction   fraction of each seen category's instances held out (the reference: ≈ 0.22)
     * @throws IllegalArgumentException for fractions outside [0, 1) or fewer than 2 instances per category
     */
    public static WorldSplits of(ProceduralWorld world, int instances, double unseenFraction, double testFraction,
            long seed) {
        if (!(unseenFraction >= 0 && unseenFraction < 1) || !(testFraction >= 0 && testFraction < 1) || instances < 1) {
            throw new IllegalArgumentException("need instances >= 1 and fractions in [0, 1), were " + instances + ", "
                    + unseenFraction + ", " + testFraction);
        }
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(world.categories().keySet());
        Collections.shuffle(names, random);
        int wanted = (int) Math.round(unseenFraction * names.size());
        Set<String> unseen = new TreeSet<>();
        for (String candidate : names) {
            if (unseen.size() >= wanted) {
                break;
            }
            Set<String> trial = new TreeSet<>(unseen);
            trial.add(candidate);
            if (everyFunctionStillSeen(world, trial)) {
                unseen = trial;
            }
        }
        List<AssetName> train = new ArrayList<>();
        List<AssetName> test = new ArrayList<>();
        List<AssetName> unseenTest = new ArrayList<>();
        for (String category : world.categories().keySet()) {
            List<AssetName> all = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                all.add(AssetName.procedural(seed, category, i));
            }
            if (unseen.contains(category)) {
                unseenTest.addAll(all);
                continue;
            }
            Collections.shuffle(all, random);
            int nTest = instances < 2 ? 0 : Math.max(1, (int) Math.round(testFraction * instances));
            test.addAll(all.subList(0, nTest));
            train.addAll(all.subList(nTest, all.size()));
        }
        Collections.sort(train);
        Collections.sort(test);
        Collections.sort(unseenTest);
        return new WorldSplits(train, test, unseenTest, unseen);
    }

    /**
     * Writes {@code train_split.json}, {@code test_split.json} and {@code unseen_test_split.json} into {@code dir}:
     * flat lists of asset folder names, the reference's split format.
     */
    public void write(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        TaxonomyFiles.writeJson(dir.resolve("train_split.json"), train.stream().map(AssetName::folder).toList());
        TaxonomyFiles.writeJson(dir.resolve("test_split.json"), test.stream().map(AssetName::folder).toList());
        TaxonomyFiles.writeJson(dir.resolve("unseen_test_split.json"), unseenTest.stream().map(AssetName::folder).toList());
    }

    private static boolean everyFunctionStillSeen(ProceduralWorld world, Set<String> unseen) {
        for (Map.Entry<FunctionName, List<String>> e : world.categoriesByFunction().entrySet()) {
            boolean unseenServes = e.getValue().stream().anyMatch(unseen::contains);
            boolean seenServes = e.getValue().stream().anyMatch(c -> !unseen.contains(c));
            if (unseenServes && !seenServes) {
                return false;
            }
        }
        return true;
    }
}
