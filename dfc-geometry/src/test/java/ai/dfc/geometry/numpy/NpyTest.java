package ai.dfc.geometry.numpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by real NumPy (tools/numpy_fixtures.py) read back; DFC-written files round-trip. */
class NpyTest {
    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = NpyTest.class.getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void readsNumericArraysInEveryLayout() throws IOException {
        NpyArray f = Npy.read(fixture("f32_2x3.npy"));
        assertThat(f.type()).isEqualTo(DType.FLOAT32);
        assertThat(f.shape()).containsExactly(2, 3);
        assertThat(f.toFloats()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f);

        NpyArray fortran = Npy.read(fixture("i64_fortran.npy"));
        assertThat(fortran.shape()).containsExactly(2, 3, 2);
        long[] expected = new long[12];
        Arrays.setAll(expected, i -> i - 5);
        assertThat(fortran.toLongs()).as("converted to C order").containsExactly(expected);

        assertThat(Npy.read(fixture("f8_big_endian.npy")).toDoubles()).containsExactly(1.5, -2.25, 1e300);
        assertThat(Npy.read(fixture("u8.npy")).toInts()).containsExactly(0, 7, 255);
        assertThat(Npy.read(fixture("bool.npy")).toInts()).containsExactly(1, 0, 1);
        NpyArray empty = Npy.read(fixture("i32_empty.npy"));
        assertThat(empty.shape()).containsExactly(0, 2);
        assertThat(empty.toInts()).isEmpty();
    }

    @Test
    void halfPrecisionMatchesNumPyBitForBit() throws IOException {
        float[] inputs = Npy.read(fixture("half_inputs.npy")).toFloats();
        long[] bits = Npy.read(fixture("half_bits.npy")).toLongs();
        for (int i = 0; i < inputs.length; i++) {
            assertThat(Half.fromFloat(inputs[i]) & 0xFFFF).as("float16 of %s", inputs[i]).isEqualTo((int) bits[i]);
            float back = Half.toFloat((short) bits[i]);
            assertThat(Half.fromFloat(back) & 0xFFFF).as("round trip of %s", back).isEqualTo((int) bits[i]);
        }
        assertThat(Half.toFloat(Half.fromFloat(Float.NaN))).isNaN();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsTheReferenceVisibilityLayoutWithPickledDicts() throws IOException {
        Map<String, NpyArray> npz = Npz.read(fixture("visible_pt_dict.npz"));
        assertThat(npz.keySet()).containsExactly("0", "1");
        NpyArray holder = npz.get("0");
        assertThat(holder.type()).isEqualTo(DType.OBJECT);
        assertThat(holder.shape()).isEmpty();
        Map<String, NpyArray> view0 = (Map<String, NpyArray>) holder.objects().get(0);
        assertThat(view0.get("vis_pt_idx").toLongs()).containsExactly(5, 3, 9);
        assertThat(view0.get("proj_2D_loc").shape()).containsExactly(3, 2);
        assertThat(view0.get("proj_2D_loc").toInts()).containsExactly(1, 2, 3, 4, 5, 6);
        Map<String, NpyArray> view1 = (Map<String, NpyArray>) npz.get("1").objects().get(0);
        assertThat(view1.get("vis_pt_idx").toLongs()).containsExactly(5, 3);

        Map<String, NpyArray> p2 = (Map<String, NpyArray>) Npy.read(fixture("dict_protocol2.npy")).objects().get(0);
        assertThat(p2.get("vis_pt_idx").toLongs()).containsExactly(5, 3, 9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesFilesThatReadBackIdentically() throws IOException {
        NpyArray k = NpyArray.of(new double[] {680.5, 0, 245, 0, 680.5, 245, 0, 0, 1}, 3, 3);
        Path kFile = dir.resolve("K.npy");
        Npy.write(kFile, k);
        assertThat(Npy.read(kFile)).isEqualTo(k);
        assertThat(Files.size(kFile)).as("128-byte header + 72 bytes of data").isEqualTo(128 + 72);
        for (String name : List.of("f32_2x3.npy", "u8.npy", "i32_empty.npy")) {
            byte[] numpy = Files.readAllBytes(fixture(name));
            assertThat(Npy.encode(Npy.decode(numpy, name))).as("%s as np.save writes it", name).isEqualTo(numpy);
        }

        NpyArray depth = NpyArray.ofHalf(new float[] {0.5f, 1.25f, Float.POSITIVE_INFINITY}, 1, 3);
        assertThat(Npy.decode(Npy.encode(depth), "mem").toFloats()).containsExactly(0.5f, 1.25f, Float.POSITIVE_INFINITY);

        Map<String, NpyArray> view = new LinkedHashMap<>();
        view.put("vis_pt_idx", NpyArray.of(new long[] {4, 2}, 2));
        view.put("proj_2D_loc", NpyArray.of(new long[] {10, 11, 12, 13}, 2, 2));
        Map<String, NpyArray> archive = new LinkedHashMap<>();
        archive.put("0", Npz.objectScalar(view));
        archive.put("plain", NpyArray.of(new int[] {1, 2, 3}, 3));
        Path npz = dir.resolve("visible_pt_dict.npz");
        Npz.write(npz, archive);
        Map<String, NpyArray> back = Npz.read(npz);
        assertThat(back.keySet()).containsExactly("0", "plain");
        Map<String, NpyArray> view0 = (Map<String, NpyArray>) back.get("0").objects().get(0);
        assertThat(view0).isEqualTo(view);
        assertThat(back.get("plain").toInts()).containsExactly(1, 2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void rejectsBrokenFilesNamingThem() throws IOException {
        byte[] good = Npy.encode(NpyArray.of(new float[] {1, 2, 3, 4}, 4));
        assertThatThrownBy(() -> Npy.decode(Arrays.copyOf(good, good.length - 3), "x.npy"))
                .hasMessageContaining("x.npy: truncated .npy data");
        assertThatThrownBy(() -> Npy.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "y.npy"))
                .hasMessageContaining("y.npy: not a .npy file");
        byte[] badType = Arrays.copyOf(good, good.length);
        String header = new String(badType, 10, 20, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = 10 + header.indexOf("<f4");
        badType[at + 1] = 'c';
        assertThatThrownBy(() -> Npy.decode(badType, "z.npy")).hasMessageContaining("unsupported NumPy dtype '<c4'");
        Path notZip = dir.resolve("a.npz");
        Files.writeString(notZip, "hello");
        assertThatThrownBy(() -> Npz.read(notZip)).hasMessageContaining("a.npz: not a readable .npz archive");
    }

    @Test
    void refusesPicklesThatWouldRunCode() {
        byte[] evil = "cos\nsystem\n(X\u0002\u0000\u0000\u0000lstR.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> PickleReader.read(evil, "evil.npy")).hasMessageContaining("refusing to unpickle 'os.system'");
        assertThat(PickleReader.read(PickleWriter.write(List.of(1L, "a", 2.5, true)), "mem")).isEqualTo(List.of(1L, "a", 2.5, true));
    }

    @Test
    void headersAloneLetCallersStreamAndMapTheData() {
        byte[] header = Npy.encodeHeader(DType.FLOAT16, 2, 3, 1);
        assertThat(header.length % 64).isZero();
        byte[] file = java.util.Arrays.copyOf(header, header.length + 12);
        file[header.length] = 0x00;
        file[header.length + 1] = 0x3C; // 1.0 in float16, little-endian
        Npy.Header h = Npy.readHeader(java.nio.ByteBuffer.wrap(file), "h.npy");
        assertThat(h.type()).isEqualTo(DType.FLOAT16);
        assertThat(h.shape()).containsExactly(2, 3, 1);
        assertThat(h.count()).isEqualTo(6);
        assertThat(h.dataOffset()).isEqualTo(header.length);
        assertThat(h.fortranOrder()).isFalse();
        assertThat(Npy.decode(file, "h.npy").toFloats()).containsExactly(1f, 0f, 0f, 0f, 0f, 0f);
        assertThat(Half.toFloat(Half.fromFloat(Half.MAX_VALUE))).isEqualTo(65504f);
        assertThatThrownBy(() -> Npy.readHeader(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), "x.npy"))
                .hasMessageContaining("x.npy: not a .npy file");
        assertThatThrownBy(() -> Npy.readHeader(java.nio.ByteBuffer.wrap(java.util.Arrays.copyOf(header, 40)), "t.npy"))
                .hasMessageContaining("t.npy: truncated .npy header");
    }
}
