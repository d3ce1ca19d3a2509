package ai.dfc.benchdata.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.benchdata.world.AssetName;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.numpy.NpyArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationFilesTest {
    @TempDir
    Path root;

    private static final AssetName KETTLE = new AssetName("aa11", "kettle");
    private static final AssetName BOTTLE = new AssetName("bb22", "bottle");
    private static final FunctionName POUR = FunctionName.of("pour-with");

    @Test
    void writesTheReferenceLayoutAndReadsItBackBySelectionOrScan() throws IOException {
        AnnotationTrial t0 = new AnnotationTrial(POUR, KETTLE, "0012.png", new int[] {1, 2, 3, 4}, BOTTLE, "0003.png",
                new int[] {10, 20, 30, 40}, 0);
        AnnotationTrial t2 = new AnnotationTrial(POUR, KETTLE, "0001.png", new int[] {5, 6}, BOTTLE, "0029.png",
                new int[] {50, 60}, 2);
        AnnotationFiles.write(root, t0);
        AnnotationFiles.write(root, t2);
        Path file = root.resolve("pour-with/aa11---kettle.glb|||bb22---bottle.glb|||0000/trial_0/aa11---kettle.glb|||0012.png.npy");
        assertThat(file).exists();
        NpyArray a = Npy.read(file);
        assertThat(a.shape()).containsExactly(2, 2);
        assertThat(a.toInts()).containsExactly(1, 2, 3, 4);

        List<AnnotationTrial> all = AnnotationFiles.read(root, null);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).trial()).isZero();
        assertThat(all.get(0).imageB()).isEqualTo("0003.png");
        assertThat(all.get(0).pointsB()).containsExactly(10, 20, 30, 40);
        assertThat(all.get(1).imageA()).isEqualTo("0001.png");

        Path selection = root.resolve("selected.json");
        AnnotationFiles.writeSelection(selection, Map.of("pour-with", Map.of(t2.pairKey(), List.of(2))));
        List<AnnotationTrial> selected = AnnotationFiles.read(root, selection);
        assertThat(selected).hasSize(1);
        assertThat(selected.get(0).trial()).isEqualTo(2);
        assertThat(selected.get(0).pointsA()).containsExactly(5, 6);
    }

    @Test
    void malformedFilesAreNamed() throws IOException {
        AnnotationTrial t = new AnnotationTrial(POUR, KETTLE, "0000.png", new int[] {1, 2}, BOTTLE, "0000.png",
                new int[] {3, 4}, 1);
        AnnotationFiles.write(root, t);
        Path dir = AnnotationFiles.trialDir(root, POUR, KETTLE, BOTTLE, 1);
        Path a = dir.resolve("aa11---kettle.glb|||0000.png.npy");
        Npy.write(a, NpyArray.of(new long[] {1, 2, 3}, 3));
        assertThatThrownBy(() -> AnnotationFiles.read(root, null)).hasMessageContaining(a + ": expected an (N, 2) array");
        Files.delete(a);
        assertThatThrownBy(() -> AnnotationFiles.read(root, null)).hasMessageContaining("expected one 'aa11---kettle.glb|||<image>.npy'");
        Path selection = root.resolve("s.json");
        AnnotationFiles.writeSelection(selection, Map.of("pour-with", Map.of(t.pairKey(), List.of(7))));
        assertThatThrownBy(() -> AnnotationFiles.read(root, selection)).hasMessageContaining("annotation trial folder missing");
        assertThatThrownBy(() -> new AnnotationTrial(POUR, KETTLE, "x", new int[] {1, 2}, BOTTLE, "y", new int[] {1, 2, 3, 4}, 0))
                .hasMessageContaining("same positive number");
    }
}
