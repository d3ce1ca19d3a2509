package ai.dfc.model.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a checkpoint by its extension: {@code .safetensors} or {@code .npz}. */
public final class WeightFiles {
    private WeightFiles() {
    }

    /**
     * Opens {@code file}; a directory is searched for {@code model.safetensors} (the Hugging Face layout).
     *
     * @throws WeightFileException if the file is missing, of another format, or malformed
     */
    public static NamedTensors open(Path file) {
        Path f = Files.isDirectory(file) ? file.resolve("model.safetensors") : file;
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors")) {
            return SafetensorsFile.open(f);
        }
        if (name.endsWith(".npz")) {
            return NpzTensors.open(f);
        }
        throw new WeightFileException("weight file " + f + ": unknown format (expected .safetensors or .npz;"
                + " convert PyTorch .pth/.bin files with safetensors.torch.save_file)");
    }
}
