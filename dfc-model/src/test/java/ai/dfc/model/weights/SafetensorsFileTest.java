package ai.dfc.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class SafetensorsFileTest {
    @TempDir
    Path dir;

    /** Builds a file from a header string and a data area, the way the format defines it. */
    private Path file(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(data);
        Path p = dir.resolve(name);
        Files.write(p, out.toByteArray());
        return p;
    }

    private static byte[] le(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static byte[] shorts(int... bits) {
        ByteBuffer b = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : bits) {
            b.putShort((short) v);
        }
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void readsF32F16AndBf16WithShapesAndMetadata() throws IOException {
        // F16 bits: 0x3C00 = 1.0, 0xC000 = -2.0, 0x3800 = 0.5, 0x7BFF = 65504; BF16: upper halves of float32
        int bf1 = Float.floatToIntBits(3.25f) >>> 16;
        int bf2 = Float.floatToIntBits(-0.0078125f) >>> 16;
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[24,32]},"
                + "\"c\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[32,36]},"
                + "\"s\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[36,40]},"
                + "\"ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[40,48]}}";
        byte[] data = concat(le(1, 2, 3, 4, 5, 6), shorts(0x3C00, 0xC000, 0x3800, 0x7BFF), shorts(bf1, bf2),
                le(7.5f), new byte[8]);
        try (SafetensorsFile f = SafetensorsFile.open(file("ok.safetensors", header, data))) {
            assertThat(f.names()).containsExactly("a", "b", "c", "s", "ids");
            assertThat(f.metadata()).containsEntry("format", "pt");
            INDArray a = f.floats("a");
            assertThat(a.shape()).containsExactly(2, 3);
            assertThat(a.getFloat(1, 2)).isEqualTo(6f);
            assertThat(f.floats("b").toFloatVector()).containsExactly(1f, -2f, 0.5f, 65504f);
            assertThat(f.floats("c").toFloatVector()).containsExactly(3.25f, -0.0078125f);
            assertThat(f.shape("s")).hasValueSatisfying(s -> assertThat(s).isEmpty());
            assertThat(f.floats("s").getFloat(0)).isEqualTo(7.5f);
            assertThatThrownBy(() -> f.floats("ids")).hasMessageContaining("'ids'").hasMessageContaining("I64");
            assertThatThrownBy(() -> f.floats("nope")).hasMessageContaining("no tensor 'nope'");
        }
    }

    @Test
    void rejectsTruncatedFilesNamingTheTensor() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
        Path p = file("cut.safetensors", header, le(1, 2, 3));
        assertThatThrownBy(() -> SafetensorsFile.open(p)).isInstanceOf(WeightFileException.class)
                .hasMessageContaining("truncated").hasMessageContaining("'w'").hasMessageContaining(p.toString());
    }

    @Test
    void rejectsFilesCutInsideTheHeader() throws IOException {
        Path p = file("header.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", le(1));
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> SafetensorsFile.open(p)).hasMessageContaining("header length");
    }

    @Test
    void rejectsOverlapsGapsTrailingBytesAndSizeMismatches() throws IOException {
        Path overlap = file("o.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", le(1, 2, 3));
        assertThatThrownBy(() -> SafetensorsFile.open(overlap)).hasMessageContaining("'b'").hasMessageContaining("overlap");
        Path gap = file("g.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", le(1, 2));
        assertThatThrownBy(() -> SafetensorsFile.open(gap)).hasMessageContaining("'a'").hasMessageContaining("gap");
        Path trailing = file("t.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", le(1, 2));
        assertThatThrownBy(() -> SafetensorsFile.open(trailing)).hasMessageContaining("4 bytes after the last tensor");
        Path size = file("s.safetensors", "{\"a\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,4]}}", le(1));
        assertThatThrownBy(() -> SafetensorsFile.open(size)).hasMessageContaining("'a'").hasMessageContaining("needs 6");
    }

    @Test
    void rejectsMalformedHeaders() throws IOException {
        Path json = file("j.safetensors", "{not json", new byte[0]);
        assertThatThrownBy(() -> SafetensorsFile.open(json)).hasMessageContaining("not valid JSON");
        Path dtype = file("d.safetensors", "{\"a\":{\"dtype\":\"F8\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[1]);
        assertThatThrownBy(() -> SafetensorsFile.open(dtype)).hasMessageContaining("unknown dtype 'F8'");
        Path fields = file("f.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", new byte[4]);
        assertThatThrownBy(() -> SafetensorsFile.open(fields)).hasMessageContaining("'a'").hasMessageContaining("data_offsets");
        assertThatThrownBy(() -> SafetensorsFile.open(dir.resolve("missing.safetensors")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void checkpointKeysCheckShapesAndUnusedTensors() throws IOException {
        String header = "{\"x.w\":{\"dtype\":\"F32\",\"shape\":[1,1,2],\"data_offsets\":[0,8]},"
                + "\"x.b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}";
        try (NamedTensors t = WeightFiles.open(file("k.safetensors", header, le(1, 2, 3, 4)))) {
            CheckpointKeys keys = new CheckpointKeys(t, "a test model");
            assertThat(keys.load("x.w", 2).toFloatVector()).containsExactly(1f, 2f);
            assertThatThrownBy(() -> keys.load("x.b", 3)).hasMessageContaining("'x.b' has shape [2]")
                    .hasMessageContaining("a test model needs [3]");
            assertThatThrownBy(() -> keys.load("x.q", 2)).hasMessageContaining("no tensor 'x.q'");
            assertThatThrownBy(() -> keys.requireAllUsed("x.")).hasMessageContaining("[x.b]");
            keys.ignore("x.b");
            keys.requireAllUsed("x.");
        }
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(SafetensorsFileTest.class.getResource("/parity/safetensors/" + name).toURI());
    }

    @Test
    void readsTheFilesPyTorchToolingWrote() throws Exception {
        var expected = ai.dfc.geometry.numpy.Npz.read(fixture("expected.npz"));
        try (SafetensorsFile f = SafetensorsFile.open(fixture("dtypes.safetensors"))) {
            for (String name : java.util.List.of("f32", "f16", "bf16", "scalar")) {
                assertThat(f.floats(name).reshape(-1).toFloatVector()).as(name)
                        .containsExactly(expected.get(name).toFloats());
            }
        }
        for (String bad : java.util.List.of("truncated", "bad-offsets", "bad-offsets-overlap", "bad-offsets-beyond")) {
            Path p = fixture(bad + ".safetensors");
            assertThatThrownBy(() -> SafetensorsFile.open(p)).as(bad).isInstanceOf(WeightFileException.class)
                    .hasMessageContaining(p.toString());
        }
    }

    @Test
    void refusesUnknownFormats() {
        assertThatThrownBy(() -> WeightFiles.open(dir.resolve("model.pth"))).hasMessageContaining("unknown format");
    }
}
