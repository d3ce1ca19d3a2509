package ai.dfc.model.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.DfcException;
import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.plugin.Secret;
import ai.dfc.geometry.numpy.DType;
import ai.dfc.geometry.numpy.Npy;
import ai.dfc.geometry.numpy.NpyArray;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureCacheTest {
    private static final CountingEncoder.Settings SETTINGS = new CountingEncoder.Settings(7, 2, 1.0f);

    @TempDir
    Path dir;

    private static RgbImage image(long seed, int width, int height) {
        byte[] rgb = new byte[3 * width * height];
        new Random(seed).nextBytes(rgb);
        return new RgbImage(new ImageSize(width, height), rgb);
    }

    private static List<RgbImage> images(int n, long seed) {
        List<RgbImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(image(seed + i, 28, 28));
        }
        return out;
    }

    private static List<ImageSource> sources(List<RgbImage> images) {
        List<ImageSource> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            out.add(ImageSource.of("image-" + i, images.get(i)));
        }
        return out;
    }

    private FeatureCache cache(CountingEncoder encoder) throws IOException {
        return FeatureCache.open(dir.resolve("features"), "counting", encoder.settings, encoder);
    }

    /** The encoder's float32 tokens of one image, {@code [L·h·w·C]} C order. */
    private static float[] encoded(CountingEncoder.Settings s, RgbImage image) {
        INDArray in = Nd4j.create(image.toChwFloats(), new long[] {1, 3, image.height(), image.width()}, DataType.FLOAT);
        return CountingEncoder.reference(s, in);
    }

    private static float[] values(DenseTokens t) {
        return t.tokens().dup('c').data().asFloat();
    }

    @Test
    void aSecondFillComputesNothingAndNeverCallsTheEncoder() throws IOException {
        List<RgbImage> images = images(11, 100);
        CountingEncoder first = new CountingEncoder(SETTINGS);
        List<FillProgress> progress = Collections.synchronizedList(new ArrayList<>());
        FillReport r1 = cache(first).fill(sources(images), 4, progress::add);
        assertThat(r1.images()).isEqualTo(11);
        assertThat(r1.computed()).isEqualTo(11);
        assertThat(r1.reused()).isZero();
        assertThat(first.calls.get()).as("batches of 4, 4, 3").isEqualTo(3);
        assertThat(first.batches.stream().map(b -> b[0]).toList()).containsExactly(4L, 4L, 3L);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new FillProgress(11, 11, 11, 0));

        CountingEncoder second = new CountingEncoder(SETTINGS);
        FeatureCache again = cache(second);
        FillReport r2 = again.fill(sources(images), 4, FillListener.NONE);
        assertThat(r2.computed()).isZero();
        assertThat(r2.reused()).isEqualTo(11);
        assertThat(second.calls.get()).isZero();
        assertThat(again.store().size()).isEqualTo(11);

        // tokens() of a cached image reads, does not encode, and returns the grid the encoder would
        DenseTokens t = again.tokens(images.get(3));
        assertThat(second.calls.get()).isZero();
        assertThat(t.tokens().shape()).containsExactly(1, 2, 16, CountingEncoder.CHANNELS);
        assertThat(t.gridHeight()).isEqualTo(4);
        assertThat(t.gridWidth()).isEqualTo(4);
        assertThat(t.stride()).isEqualTo(7);
    }

    @Test
    void tokensComputesAMissOnceThenReadsIt() throws IOException {
        CountingEncoder encoder = new CountingEncoder(SETTINGS);
        FeatureCache cache = cache(encoder);
        RgbImage a = image(1, 35, 21);
        assertThat(cache.cached(a)).isEmpty();
        DenseTokens computed = cache.tokens(a);
        assertThat(encoder.calls.get()).isEqualTo(1);
        assertThat(computed.tokens().shape()).containsExactly(1, 2, 3 * 5, CountingEncoder.CHANNELS);
        DenseTokens read = cache.tokens(a);
        assertThat(encoder.calls.get()).isEqualTo(1);
        assertThat(values(read)).as("a first (computed) and a later (read) call agree exactly").containsExactly(values(computed));
        assertThat(values(cache.cached(a).orElseThrow())).containsExactly(values(computed));

        // a batch with one cached and two new images: one encoder call for the two
        List<RgbImage> batch = List.of(image(2, 35, 21), a, image(3, 35, 21));
        DenseTokens b = cache.tokens(batch);
        assertThat(encoder.calls.get()).isEqualTo(2);
        assertThat(encoder.batches.get(1)[0]).isEqualTo(2);
        assertThat(b.tokens().shape()).containsExactly(3, 2, 15, CountingEncoder.CHANNELS);
        float[] all = values(b);
        float[] middle = java.util.Arrays.copyOfRange(all, 2 * 15 * 6, 2 * 2 * 15 * 6);
        assertThat(middle).containsExactly(values(computed));
        assertThatThrownBy(() -> cache.tokens(List.of(a, image(4, 28, 28)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one size");

        FeatureCache readOnly = new FeatureCache(cache.store(), null);
        assertThat(values(readOnly.tokens(a))).containsExactly(values(computed));
        assertThatThrownBy(() -> readOnly.tokens(image(9, 35, 21))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no encoder");
    }

    @Test
    void oneChangedPixelRecomputesOnlyThatImage() throws IOException {
        List<RgbImage> images = new ArrayList<>(images(6, 200));
        cache(new CountingEncoder(SETTINGS)).fill(sources(images), 3, FillListener.NONE);

        byte[] rgb = images.get(4).toBytes();
        rgb[3 * (10 * 28 + 17) + 1] ^= 1; // one channel of one pixel, by one grey level
        RgbImage changed = new RgbImage(images.get(4).size(), rgb);
        images.set(4, changed);
        assertThat(ImageKey.of(changed)).isNotEqualTo(ImageKey.of(image(204, 28, 28)));
        CountingEncoder encoder = new CountingEncoder(SETTINGS);
        FillReport r = cache(encoder).fill(sources(images), 3, FillListener.NONE);
        assertThat(r.computed()).isEqualTo(1);
        assertThat(r.reused()).isEqualTo(5);
        assertThat(encoder.images.get()).isEqualTo(1);

        // the same pixels at another "path" (another source name) and twice in one fill are reused, not recomputed
        CountingEncoder third = new CountingEncoder(SETTINGS);
        RgbImage fresh = image(999, 28, 28);
        FillReport twins = cache(third).fill(List.of(ImageSource.of("x/a.png", images.get(0)), ImageSource.of("y/a.png",
                images.get(0)), ImageSource.of("new-1", fresh), ImageSource.of("new-2", fresh)), 8, FillListener.NONE);
        assertThat(twins.computed()).isEqualTo(1);
        assertThat(twins.reused()).isEqualTo(3);
        assertThat(third.images.get()).isEqualTo(1);
    }

    /** An image's key depends on its size too, not only on its bytes. */
    @Test
    void imageKeysCoverSizeAndPixels() {
        byte[] rgb = new byte[3 * 12];
        new Random(5).nextBytes(rgb);
        ImageKey wide = ImageKey.of(new RgbImage(new ImageSize(4, 3), rgb));
        ImageKey tall = ImageKey.of(new RgbImage(new ImageSize(3, 4), rgb));
        assertThat(wide).isNotEqualTo(tall);
        assertThat(ImageKey.of(new RgbImage(new ImageSize(4, 3), rgb.clone()))).isEqualTo(wide);
        assertThat(wide.hex()).hasSize(64).matches("[0-9a-f]+");
    }

    record WeightedSettings(String weights, int depth, @Secret String apiKey, List<Integer> layers) {
    }

    @Test
    void aChangedSettingOrWeightsContentSelectsAnotherStore() throws IOException {
        StoreKey base = StoreKey.of("counting", SETTINGS, new CountingEncoder(SETTINGS).spec());
        assertThat(StoreKey.of("counting", new CountingEncoder.Settings(7, 2, 1.0f), base.spec())).isEqualTo(base);
        StoreKey scaled = StoreKey.of("counting", new CountingEncoder.Settings(7, 2, 2.0f), base.spec());
        assertThat(scaled.directoryName()).isNotEqualTo(base.directoryName());
        assertThat(StoreKey.of("other", SETTINGS, base.spec()).hex()).isNotEqualTo(base.hex());
        assertThat(base.directoryName()).matches("counting-[0-9a-f]{16}");
        assertThat(base.canonicalJson()).isEqualTo("{\"encoder\":\"counting\",\"format\":1,\"settings\":{\"layers\":2,"
                + "\"scale\":1.0,\"stride\":7},\"spec\":{\"channels\":6,\"layers\":[0,1],\"stride\":7}}");

        // and through the cache: a changed setting fills a second store directory
        List<RgbImage> images = images(3, 300);
        FeatureCache one = cache(new CountingEncoder(SETTINGS));
        one.fill(sources(images), 2, FillListener.NONE);
        CountingEncoder otherEncoder = new CountingEncoder(new CountingEncoder.Settings(7, 2, 2.0f));
        FeatureCache two = cache(otherEncoder);
        assertThat(two.store().directory()).isNotEqualTo(one.store().directory());
        assertThat(two.fill(sources(images), 2, FillListener.NONE).computed()).isEqualTo(3);
        try (Stream<Path> stores = Files.list(dir.resolve("features"))) {
            assertThat(stores.count()).isEqualTo(2);
        }
        assertThat(values(two.tokens(images.get(0)))[0]).isEqualTo(2 * values(one.tokens(images.get(0)))[0]);

        // weights: keyed by content, not by path or mtime; secrets are not part of the key and never written
        Path w1 = dir.resolve("w1.bin");
        Files.write(w1, new byte[] {1, 2, 3, 4});
        Path copy = dir.resolve("copy.bin");
        Files.copy(w1, copy);
        Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        List<Integer> layers = List.of(9, 10, 11);
        StoreKey k1 = StoreKey.of("vit", new WeightedSettings(w1.toString(), 12, "secret-1", layers), base.spec());
        StoreKey k2 = StoreKey.of("vit", new WeightedSettings(copy.toString(), 12, "secret-2", layers), base.spec());
        assertThat(k2).as("same content elsewhere, other mtime, other secret").isEqualTo(k1);
        assertThat(k1.weights()).singleElement().satisfies(f -> {
            assertThat(f.setting()).isEqualTo("weights");
            assertThat(f.size()).isEqualTo(4);
            assertThat(f.sha256()).isEqualTo("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a");
        });
        Path w3 = dir.resolve("w3.bin");
        Files.write(w3, new byte[] {1, 2, 3, 5});
        assertThat(StoreKey.of("vit", new WeightedSettings(w3.toString(), 12, "", layers), base.spec())).isNotEqualTo(k1);
        assertThat(StoreKey.of("vit", new WeightedSettings(w1.toString(), 12, "", List.of(10, 11)), base.spec()))
                .isNotEqualTo(k1);
        FeatureStore store = FeatureStore.open(dir.resolve("features"), k1);
        String json = Files.readString(store.directory().resolve(FeatureStore.STORE_JSON));
        assertThat(json).doesNotContain("secret-1").contains(Secret.REDACTED).contains(k1.hex()).contains(w1.toString());
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.get("key_inputs").get("settings").get("weights").get("file_sha256").asText())
                .isEqualTo(k1.weights().get(0).sha256());
        assertThat(parsed.get("spec").get("stride").asInt()).isEqualTo(7);
    }

    @Test
    void aStoreDirectoryOfAnotherKeyIsRefused() throws IOException {
        StoreKey key = StoreKey.of("counting", SETTINGS, new CountingEncoder(SETTINGS).spec());
        FeatureStore store = FeatureStore.open(dir, key);
        Path json = store.directory().resolve(FeatureStore.STORE_JSON);
        Files.writeString(json, Files.readString(json).replace(key.hex(), "0".repeat(64)));
        assertThatThrownBy(() -> FeatureStore.open(dir, key)).isInstanceOf(DfcException.class)
                .hasMessageContaining("belongs to key " + "0".repeat(64));
    }

    @Test
    void aKilledFillLeavesWholeEntriesAndARerunComputesExactlyTheRest() throws IOException {
        List<RgbImage> images = images(13, 400);
        CountingEncoder crashing = new CountingEncoder(SETTINGS, 10); // the third batch of 4 fails
        FeatureCache cache = cache(crashing);
        assertThatThrownBy(() -> cache.fill(sources(images), 4, FillListener.NONE))
                .hasMessageContaining("simulated crash");
        FeatureStore store = cache.store();
        assertThat(store.size()).isEqualTo(8);
        for (int i = 0; i < 13; i++) {
            ImageKey key = ImageKey.of(images.get(i));
            assertThat(store.contains(key)).as("image %d", i).isEqualTo(i < 8);
            if (i < 8) {
                float[] expected = TokenFile.roundTrip(encoded(SETTINGS, images.get(i)), 0, 2 * 16 * 6);
                assertThat(values(store.read(key).orElseThrow())).as("entry %d is complete", i).containsExactly(expected);
            }
        }
        // stray temporary files: a stale one (a writer killed long ago) and a fresh one (maybe another live writer)
        Path shard = store.entryPath(ImageKey.of(images.get(9))).getParent();
        Files.createDirectories(shard);
        Path stale = shard.resolve("." + ImageKey.of(images.get(9)).hex() + ".npy123.tmp");
        Files.write(stale, new byte[] {(byte) 0x93, 'N', 'U'});
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Path fresh = shard.resolve("." + ImageKey.of(images.get(10)).hex() + ".npy456.tmp");
        Files.write(fresh, new byte[7]);

        CountingEncoder good = new CountingEncoder(SETTINGS);
        FeatureCache rerun = cache(good);
        assertThat(rerun.store().removedTemporaries()).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).as("young temporary files are left to their writer").exists();
        FillReport r = rerun.fill(sources(images), 4, FillListener.NONE);
        assertThat(r.computed()).isEqualTo(5);
        assertThat(r.reused()).isEqualTo(8);
        assertThat(good.images.get()).isEqualTo(5);
        assertThat(rerun.store().size()).isEqualTo(13);
        assertThat(rerun.fill(sources(images), 4, FillListener.NONE).computed()).isZero();
    }

    /**
     * float16 storage: every cached value is within half an ulp of float16 of the encoder's float32 value — relative
     * 2^-11 for normal values, absolute 2^-25 in the subnormal range — and the entry is a NumPy float16 .npy.
     */
    @Test
    void cachedTokensAreTheEncodersRoundedToHalfPrecision() throws IOException {
        CountingEncoder encoder = new CountingEncoder(new CountingEncoder.Settings(7, 3, 37.77f));
        FeatureCache cache = FeatureCache.open(dir, "counting", encoder.settings, encoder);
        int differ = 0;
        int subnormal = 0;
        double worst = 0;
        for (int k = 0; k < 4; k++) {
            RgbImage im = image(500 + k, 42, 28);
            float[] exact = encoded(encoder.settings, im);
            cache.tokens(im);
            float[] cached = values(new FeatureCache(cache.store(), null).tokens(im));
            assertThat(cached).hasSameSizeAs(exact);
            for (int i = 0; i < exact.length; i++) {
                double err = Math.abs((double) cached[i] - exact[i]);
                double bound = Math.max(Math.abs(exact[i]) * 0x1p-11, 0x1p-25);
                assertThat(err).as("element %d: %s cached as %s", i, exact[i], cached[i]).isLessThanOrEqualTo(bound);
                worst = Math.max(worst, Math.abs(exact[i]) >= 0x1p-14 ? err / Math.abs(exact[i]) : 0);
                differ += cached[i] != exact[i] ? 1 : 0;
                subnormal += exact[i] != 0 && Math.abs(exact[i]) < 0x1p-14 ? 1 : 0;
            }
        }
        assertThat(differ).as("rounding happened, so the bound was exercised").isGreaterThan(100);
        assertThat(subnormal).as("the subnormal branch was exercised").isGreaterThan(10);
        assertThat(worst).as("the worst relative error comes close to the bound").isGreaterThan(0x1p-12);

        // NumPy's view of an entry: float16, shape (L, h, w, C), the same numbers
        RgbImage im = image(500, 42, 28);
        NpyArray npy = Npy.read(cache.store().entryPath(ImageKey.of(im)));
        assertThat(npy.type()).isEqualTo(DType.FLOAT16);
        assertThat(npy.shape()).containsExactly(3, 4, 6, CountingEncoder.CHANNELS);
        assertThat(npy.toFloats()).containsExactly(values(cache.tokens(im)));
    }

    @Test
    void valuesOutsideTheHalfRangeFailClearlyAndStoreNothing() throws IOException {
        // channel 0 = scale · mean(r): 30000 · (≈0.5) fits, 300000 · (≈0.5) does not
        CountingEncoder huge = new CountingEncoder(new CountingEncoder.Settings(7, 1, 300_000f));
        FeatureCache cache = FeatureCache.open(dir, "counting", huge.settings, huge);
        assertThatThrownBy(() -> cache.fill(sources(images(2, 600)), 2, FillListener.NONE))
                .isInstanceOf(DfcException.class).hasMessageContaining("outside the float16 range")
                .hasMessageContaining("layer 0, token 0, channel 0");
        assertThat(cache.store().size()).isZero();
        assertThatThrownBy(() -> cache.tokens(image(601, 28, 28))).isInstanceOf(DfcException.class);
        assertThat(cache.store().size()).isZero();

        CountingEncoder big = new CountingEncoder(new CountingEncoder.Settings(7, 1, 30_000f));
        FeatureCache fits = FeatureCache.open(dir, "counting", big.settings, big);
        assertThat(fits.fill(sources(images(2, 600)), 2, FillListener.NONE).computed()).isEqualTo(2);
    }

    /** The exact edge: below 65520 rounds to at most 65504 and is stored; 65520, infinities and NaN are refused. */
    @Test
    void theHalfRangeEdgeIsExact() {
        float below = Math.nextDown(65520f);
        byte[] ok = TokenFile.encode(new float[] {65504f, below, -below, 0x1p-24f, 0x1p-26f}, 0, 1, 1, 1, 5, "edge");
        NpyArray back = Npy.decode(ok, "edge");
        assertThat(back.toFloats()).containsExactly(65504f, 65504f, -65504f, 0x1p-24f, 0f);
        for (float bad : new float[] {65520f, -65520f, Float.POSITIVE_INFINITY, Float.NaN}) {
            assertThatThrownBy(() -> TokenFile.encode(new float[] {1f, bad}, 0, 1, 1, 1, 2, "edge"))
                    .as("%s", bad).isInstanceOf(DfcException.class)
                    .hasMessageContaining("edge: token value " + bad + " (layer 0, token 0, channel 1)");
        }
    }

    @Test
    void aDamagedEntryIsReportedNamingItsFile() throws IOException {
        CountingEncoder encoder = new CountingEncoder(SETTINGS);
        FeatureCache cache = cache(encoder);
        RgbImage im = image(700, 28, 28);
        cache.tokens(im);
        Path entry = cache.store().entryPath(ImageKey.of(im));
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 2));
        assertThatThrownBy(() -> cache.tokens(im)).isInstanceOf(DfcException.class)
                .hasMessageContaining("corrupt feature cache entry " + entry).hasMessageContaining("delete the file");
    }

    /** Several threads, each with its own cache and encoder on one store, filling and reading the same images. */
    @Test
    void concurrentFillersAndReadersSeeIdenticalTokens() throws Exception {
        List<RgbImage> images = images(12, 800);
        List<float[]> expected = new ArrayList<>();
        for (RgbImage im : images) {
            expected.add(TokenFile.roundTrip(encoded(SETTINGS, im), 0, 2 * 16 * 6));
        }
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CountingEncoder> encoders = new ArrayList<>();
        try {
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                CountingEncoder encoder = new CountingEncoder(SETTINGS);
                encoders.add(encoder);
                FeatureCache cache = cache(encoder);
                long seed = t;
                boolean filler = t % 2 == 0;
                results.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < images.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    if (filler) {
                        List<ImageSource> src = new ArrayList<>();
                        order.forEach(i -> src.add(ImageSource.of("i" + i, images.get(i))));
                        cache.fill(src, 3, FillListener.NONE);
                    }
                    float[][] out = new float[images.size()][];
                    for (int i : order) {
                        out[i] = values(cache.tokens(images.get(i)));
                    }
                    return List.of(out);
                }));
            }
            for (Future<List<float[]>> f : results) {
                List<float[]> got = f.get();
                for (int i = 0; i < images.size(); i++) {
                    assertThat(got.get(i)).as("image %d", i).containsExactly(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        FeatureStore store = FeatureStore.open(dir.resolve("features"), StoreKey.of("counting", SETTINGS,
                encoders.get(0).spec()));
        assertThat(store.size()).isEqualTo(12);
        assertThat(encoders).noneMatch(e -> e.usedConcurrently);
        try (Stream<Path> files = Files.walk(store.directory())) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList())
                    .as("no temporary file left behind").isEmpty();
        }
    }

    @Test
    void batchesHoldImagesOfOneSize() throws IOException {
        List<ImageSource> mixed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mixed.add(ImageSource.of("s" + i, i % 2 == 0 ? image(900 + i, 28, 28) : image(900 + i, 21, 35)));
        }
        CountingEncoder encoder = new CountingEncoder(SETTINGS);
        FillReport r = cache(encoder).fill(mixed, 3, FillListener.NONE);
        assertThat(r.computed()).isEqualTo(7);
        // 4 images of 28x28 (batches 3 + 1) and 3 of 21x35 (one batch of 3)
        assertThat(encoder.batches.stream().map(java.util.Arrays::toString).sorted().toList()).containsExactly(
                "[1, 3, 28, 28]", "[3, 3, 28, 28]", "[3, 3, 35, 21]");
        assertThatThrownBy(() -> cache(encoder).fill(mixed, 0, FillListener.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache(encoder).fill(List.of(ImageSource.file(dir.resolve("missing.png"), p -> {
            throw new java.nio.file.NoSuchFileException(p.toString());
        })), 2, FillListener.NONE)).isInstanceOf(IOException.class).hasMessageContaining("missing.png");
    }
}
