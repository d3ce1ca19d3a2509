package ai.dfc.geometry.numpy;

import ai.dfc.geometry.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives (a zip of {@code <key>.npy} entries, stored or deflated), such as
 * the reference's {@code visible_pt_dict.npz}, whose values are 0-d object arrays holding pickled dicts of arrays
 * ({@code np.load(f, allow_pickle=True)[key].flatten()[0]}).
 */
public final class Npz {
    private Npz() {
    }

    /**
     * All arrays by key (the entry name without {@code .npy}), in archive order.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and entry if an entry is not a valid {@code .npy}
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String key = entry.getName().endsWith(".npy")
                        ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                try (InputStream in = zip.getInputStream(entry)) {
                    out.put(key, Npy.decode(in.readAllBytes(), file + "[" + entry.getName() + "]"));
                }
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException(file + ": not a readable .npz archive (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /**
     * Writes the arrays as stored (uncompressed) entries, like {@code np.savez}, atomically.
     */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                    byte[] bytes = Npy.encode(e.getValue());
                    ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setCrc(crc.getValue());
                    zip.putNextEntry(entry);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        });
    }

    /** A 0-d object array holding {@code value} (a dict of arrays, say), as NumPy stores a Python object. */
    public static NpyArray objectScalar(Object value) {
        return NpyArray.ofObjects(new long[0], java.util.Collections.singletonList(value));
    }
}
