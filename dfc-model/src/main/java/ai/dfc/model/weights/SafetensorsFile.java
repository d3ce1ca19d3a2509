package ai.dfc.model.weights;

import ai.dfc.geometry.numpy.Half;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Hugging Face {@code .safetensors} file: an 8-byte little-endian header length {@code N}, {@code N} bytes of
 * JSON ({@code {"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, "__metadata__": {...}}},
 * offsets relative to the end of the header), then the tensor bytes, little-endian, C order.
 *
 * <p>The whole header is validated on {@link #open}, as the reference {@code safetensors} library does: every
 * entry's dtype is known, its byte length equals its shape's element count times the dtype size, and the entries
 * cover the data area exactly, without overlap or gap, up to the end of the file — so a truncated or padded file
 * fails at once, naming the file and the offending tensor. Tensor data is memory-mapped per tensor on access
 * (files of several GB work; nothing is read twice into the heap except the float32 result). Written by hand:
 * no Java safetensors reader is published on Maven Central, and the format is one page long.
 *
 * <p>Thread-safe for concurrent reads.
 */
public final class SafetensorsFile implements NamedTensors {
    /** Header size limit of the reference implementation (100 MB). */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One header entry. {@code begin}/{@code end} are relative to the data area. */
    public record Entry(String name, TensorDType dtype, long[] shape, long begin, long end) {
        /** Elements in the tensor. */
        public long count() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path file, FileChannel channel, long dataStart, Map<String, Entry> entries,
            Map<String, String> metadata) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    /**
     * Opens and validates {@code file}.
     *
     * @throws WeightFileException if the file is missing, unreadable, truncated or its header is malformed
     */
    public static SafetensorsFile open(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new WeightFileException("weight file " + file + " does not exist");
        } catch (IOException e) {
            throw new WeightFileException("cannot read weight file " + file + ": " + e.getMessage(), e);
        }
        try {
            long size = channel.size();
            if (size < 8) {
                throw new WeightFileException(file + " is not a safetensors file: only " + size + " bytes");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw new WeightFileException(file + " is not a safetensors file or is truncated: header length "
                        + Long.toUnsignedString(headerLength) + " but the file has " + size + " bytes");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8);
            String json = new String(header.array(), StandardCharsets.UTF_8);
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Entry> entries = parseHeader(file, json, metadata);
            validateLayout(file, entries, size - dataStart);
            return new SafetensorsFile(file, channel, dataStart, entries, Collections.unmodifiableMap(metadata));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new WeightFileException("cannot read weight file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Map<String, Entry> parseHeader(Path file, String json, Map<String, String> metadata) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new WeightFileException(file + ": safetensors header is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new WeightFileException(file + ": safetensors header is not a JSON object");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode node = field.getValue();
            if (name.equals("__metadata__")) {
                if (!node.isObject()) {
                    throw new WeightFileException(file + ": __metadata__ must be an object of strings");
                }
                node.fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            entries.put(name, parseEntry(file, name, node));
        }
        return entries;
    }

    private static Entry parseEntry(Path file, String name, JsonNode node) {
        String where = file + ": tensor '" + name + "'";
        JsonNode dtypeNode = node.get("dtype");
        JsonNode shapeNode = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtypeNode == null || !dtypeNode.isTextual() || shapeNode == null || !shapeNode.isArray()
                || offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw new WeightFileException(where + " needs dtype (string), shape (array) and data_offsets ([begin, end])");
        }
        TensorDType dtype = TensorDType.parse(dtypeNode.asText());
        if (dtype == null) {
            throw new WeightFileException(where + " has unknown dtype '" + dtypeNode.asText() + "'");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                throw new WeightFileException(where + " has an invalid shape " + shapeNode);
            }
            shape[i] = d.asLong();
        }
        if (!offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber()) {
            throw new WeightFileException(where + " has non-integer data_offsets " + offsets);
        }
        Entry entry = new Entry(name, dtype, shape, offsets.get(0).asLong(), offsets.get(1).asLong());
        if (entry.begin() < 0 || entry.end() < entry.begin()) {
            throw new WeightFileException(where + " has invalid data_offsets " + offsets);
        }
        long expected;
        try {
            expected = Math.multiplyExact(entry.count(), dtype.bytes());
        } catch (ArithmeticException e) {
            throw new WeightFileException(where + " has an absurd shape " + shapeNode);
        }
        if (entry.end() - entry.begin() != expected) {
            throw new WeightFileException(where + ": data_offsets " + offsets + " span " + (entry.end() - entry.begin())
                    + " bytes but shape " + shapeNode + " of " + dtype + " needs " + expected);
        }
        return entry;
    }

    /** The entries must tile [0, dataBytes) exactly: no overlap, no gap, nothing past the end of the file. */
    private static void validateLayout(Path file, Map<String, Entry> entries, long dataBytes) {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long cursor = 0;
        for (Entry e : sorted) {
            if (e.begin() != cursor) {
                throw new WeightFileException(file + ": tensor '" + e.name() + "' starts at data byte " + e.begin()
                        + " but the previous tensor ends at " + cursor + (e.begin() < cursor ? " (overlap)" : " (gap)"));
            }
            if (e.end() > dataBytes) {
                throw new WeightFileException(file + " is truncated: tensor '" + e.name() + "' ends at data byte "
                        + e.end() + " but the file holds only " + dataBytes + " data bytes");
            }
            cursor = e.end();
        }
        if (cursor != dataBytes) {
            throw new WeightFileException(file + ": " + (dataBytes - cursor) + " bytes after the last tensor"
                    + " (the header does not describe the whole file)");
        }
    }

    @Override
    public Path source() {
        return file;
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** The header entry of {@code name}, or empty. */
    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The {@code __metadata__} strings (empty if none). */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public Optional<long[]> shape(String name) {
        Entry e = entries.get(name);
        return e == null ? Optional.empty() : Optional.of(e.shape().clone());
    }

    @Override
    public INDArray floats(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new WeightFileException(file + " has no tensor '" + name + "'");
        }
        if (!e.dtype().floating()) {
            throw new WeightFileException(file + ": tensor '" + name + "' is " + e.dtype() + ", not a floating-point type");
        }
        long count = e.count();
        if (count > Integer.MAX_VALUE - 8) {
            throw new WeightFileException(file + ": tensor '" + name + "' has " + count + " elements, too many for one array");
        }
        float[] values = new float[(int) count];
        ByteBuffer bytes = map(e).order(ByteOrder.LITTLE_ENDIAN);
        switch (e.dtype()) {
            case F32 -> bytes.asFloatBuffer().get(values);
            case F64 -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) bytes.getDouble(i * 8);
                }
            }
            case F16 -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Half.toFloat(bytes.getShort(i * 2));
                }
            }
            case BF16 -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.intBitsToFloat((bytes.getShort(i * 2) & 0xFFFF) << 16);
                }
            }
            default -> throw new IllegalStateException("unreachable: " + e.dtype());
        }
        return Nd4j.create(values, e.shape(), 'c');
    }

    private ByteBuffer map(Entry e) {
        long length = e.end() - e.begin();
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), length);
        } catch (IOException ex) {
            throw new WeightFileException("cannot map tensor '" + e.name() + "' of " + file + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + file + ", " + entries.size() + " tensors]";
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long pos = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += n;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only channel cannot lose data
        }
    }
}
