package ai.dfc.model.cache;

import ai.dfc.api.encoder.DenseTokens;
import ai.dfc.api.encoder.Encoder;
import ai.dfc.api.encoder.EncoderSpec;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frozen-encoder tokens per image, computed once and kept in a {@link FeatureStore}: {@link #tokens} returns the
 * stored tokens or encodes, stores and returns them; {@link #fill} precomputes a whole dataset in batches.
 *
 * <p><b>Values:</b> every token this class returns has been rounded to float16 — also right after computing it — so a
 * first and a later call return identical arrays. The rounding error is at most half a unit in the last place of
 * float16: {@code |cached − encoded| ≤ 2^-11·|encoded|} for normal values ({@code |x| ≥ 2^-14}), {@code ≤ 2^-25}
 * below. Encoder values that float16 cannot hold (NaN, infinities, {@code |x| ≥ 65520}) fail with a
 * {@link ai.dfc.api.DfcException} naming the image and the element; nothing is clamped or stored.
 *
 * <p><b>Shapes:</b> inputs are {@link RgbImage}s (encoded as {@code [B, 3, H, W]} float32 in [0, 1],
 * {@link RgbImage#toChwFloats()}); outputs are {@link DenseTokens} {@code [B, L, h·w, C]} float32 with
 * {@code h = ⌊H / stride⌋, w = ⌊W / stride⌋}. An encoder batch only ever holds images of one size.
 *
 * <p><b>Thread-safety:</b> thread-safe. Reads of the store run in parallel; calls into the encoder (which serves one
 * thread at a time, see {@link Encoder}) are serialized on this cache. Several caches (in one process or several) may
 * share a store directory.
 *
 * <p><b>Resuming:</b> entries appear whole or not at all, so a fill that was killed or failed leaves the entries of
 * its finished batches, and running it again encodes exactly the missing images.
 */
public final class FeatureCache {
    private final FeatureStore store;
    private final Encoder encoder;
    private final Object encoderLock = new Object();

    /**
     * @param store   where tokens are kept
     * @param encoder computes missing tokens; its spec must be the store's; {@code null} for a read-only cache, whose
     *                {@link #tokens} fails on a missing entry. Not closed by the cache.
     */
    public FeatureCache(FeatureStore store, Encoder encoder) {
        if (store == null) {
            throw new IllegalArgumentException("a feature cache needs a store");
        }
        if (encoder != null && !encoder.spec().equals(store.spec())) {
            throw new IllegalArgumentException("encoder spec " + encoder.spec() + " differs from the store's " + store.spec());
        }
        this.store = store;
        this.encoder = encoder;
    }

    /**
     * The cache of {@code encoder} configured as {@code encoderName} with {@code settings}, in its store under
     * {@code root} (see {@link StoreKey} for what selects the store).
     */
    public static FeatureCache open(Path root, String encoderName, Record settings, Encoder encoder) throws IOException {
        return new FeatureCache(FeatureStore.open(root, StoreKey.of(encoderName, settings, encoder.spec())), encoder);
    }

    public FeatureStore store() {
        return store;
    }

    /** The stored tokens of {@code image} ({@code [1, L, h·w, C]}), without computing; empty on a miss. */
    public Optional<DenseTokens> cached(RgbImage image) throws IOException {
        return store.read(ImageKey.of(image));
    }

    /**
     * The tokens of {@code image}, {@code [1, L, h·w, C]} float32 (float16-rounded), computed and stored on a miss.
     *
     * @throws IllegalStateException if the entry is missing and the cache has no encoder
     */
    public DenseTokens tokens(RgbImage image) throws IOException {
        return tokens(List.of(image));
    }

    /**
     * The tokens of a batch of images of one size, {@code [B, L, h·w, C]} in the given order; the missing ones are
     * encoded in one encoder call and stored.
     *
     * @throws IllegalArgumentException if the images differ in size or the list is empty
     * @throws IllegalStateException    if an entry is missing and the cache has no encoder
     */
    public DenseTokens tokens(List<RgbImage> images) throws IOException {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("tokens of an empty batch");
        }
        ImageSize size = images.get(0).size();
        for (RgbImage im : images) {
            if (!im.size().equals(size)) {
                throw new IllegalArgumentException("a batch holds images of one size: " + size + " and " + im.size());
            }
        }
        EncoderSpec spec = store.spec();
        int h = spec.gridHeight(size.height());
        int w = spec.gridWidth(size.width());
        int per = spec.layers().size() * h * w * spec.channels();
        float[] all = new float[Math.multiplyExact(per, images.size())];
        List<Integer> missing = new ArrayList<>();
        List<ImageKey> keys = new ArrayList<>();
        for (int b = 0; b < images.size(); b++) {
            ImageKey key = ImageKey.of(images.get(b));
            keys.add(key);
            if (!copyEntry(key, all, b * per, h, w)) {
                missing.add(b);
            }
        }
        if (!missing.isEmpty()) {
            if (encoder == null) {
                throw new IllegalStateException("no cached tokens for image " + keys.get(missing.get(0)) + " in " + store
                        + " and this cache has no encoder");
            }
            synchronized (encoderLock) {
                List<Integer> still = new ArrayList<>();
                for (int b : missing) {
                    if (!copyEntry(keys.get(b), all, b * per, h, w)) { // another thread or process may have filled it
                        still.add(b);
                    }
                }
                if (!still.isEmpty()) {
                    float[] encoded = encode(still.stream().map(images::get).toList(), h, w);
                    for (int i = 0; i < still.size(); i++) {
                        int b = still.get(i);
                        store.write(keys.get(b), encoded, i * per, h, w);
                        System.arraycopy(TokenFile.roundTrip(encoded, i * per, per), 0, all, b * per, per);
                    }
                }
            }
        }
        INDArray tokens = Nd4j.create(all, new long[] {images.size(), spec.layers().size(), (long) h * w, spec.channels()},
                DataType.FLOAT);
        return new DenseTokens(tokens, h, w, spec.stride());
    }

    /** Copies the entry of {@code key} into {@code all[offset …]}; false if there is none. */
    private boolean copyEntry(ImageKey key, float[] all, int offset, int h, int w) throws IOException {
        Optional<TokenFile.Entry> e = store.entry(key);
        if (e.isEmpty()) {
            return false;
        }
        if (e.get().gridHeight() != h || e.get().gridWidth() != w) {
            throw new ai.dfc.api.DfcException("feature cache entry " + store.entryPath(key) + " has a " + e.get().gridHeight()
                    + "x" + e.get().gridWidth() + " grid, its image needs " + h + "x" + w + "; delete it to recompute");
        }
        System.arraycopy(e.get().values(), 0, all, offset, e.get().values().length);
        return true;
    }

    /**
     * Computes and stores the tokens of every image of {@code images} that has no entry yet, {@code batchSize} images
     * of one size per encoder call; images whose entry exists are read (to hash their pixels) but not encoded. Images
     * are loaded one at a time as the fill reaches them; at most {@code batchSize} images per distinct size are held.
     *
     * @param batchSize images per encoder call (the last batch of each size may be smaller)
     * @param listener  progress after each reused image and each encoded batch
     * @return counts and times
     * @throws IllegalStateException if the cache has no encoder and an entry is missing
     * @throws IOException           naming the image if one cannot be read; entries of finished batches stay
     */
    public FillReport fill(List<ImageSource> images, int batchSize, FillListener listener) throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, was " + batchSize);
        }
        FillListener l = listener == null ? FillListener.NONE : listener;
        Fill fill = new Fill(images.size(), l);
        long start = System.nanoTime();
        Map<ImageSize, List<Pending>> queues = new LinkedHashMap<>();
        Set<ImageKey> queued = new HashSet<>();
        for (ImageSource source : images) {
            RgbImage image = source.load();
            ImageKey key = ImageKey.of(image);
            if (queued.contains(key) || store.contains(key)) {
                fill.reused(1);
                continue;
            }
            if (encoder == null) {
                throw new IllegalStateException("image " + source.name() + " has no cached tokens in " + store
                        + " and this cache has no encoder");
            }
            List<Pending> queue = queues.computeIfAbsent(image.size(), s -> new ArrayList<>());
            queue.add(new Pending(key, image));
            queued.add(key);
            if (queue.size() == batchSize) {
                fill.computed(encodeAndStore(queue, fill));
                queue.clear();
            }
        }
        for (List<Pending> queue : queues.values()) {
            if (!queue.isEmpty()) {
                fill.computed(encodeAndStore(queue, fill));
            }
        }
        return new FillReport(images.size(), fill.computed, fill.reused, fill.encodeNanos, System.nanoTime() - start);
    }

    private record Pending(ImageKey key, RgbImage image) {
    }

    /** Running counts of a fill. */
    private static final class Fill {
        final int total;
        final FillListener listener;
        int computed;
        int reused;
        long encodeNanos;

        Fill(int total, FillListener listener) {
            this.total = total;
            this.listener = listener;
        }

        void reused(int n) {
            reused += n;
            listener.progress(new FillProgress(computed + reused, total, computed, reused));
        }

        void computed(int n) {
            computed += n;
            listener.progress(new FillProgress(computed + reused, total, computed, reused));
        }
    }

    /** Encodes one batch (images of one size) and stores each image's entry; returns how many were encoded. */
    private int encodeAndStore(List<Pending> batch, Fill fill) throws IOException {
        EncoderSpec spec = store.spec();
        ImageSize size = batch.get(0).image().size();
        int h = spec.gridHeight(size.height());
        int w = spec.gridWidth(size.width());
        int per = spec.layers().size() * h * w * spec.channels();
        synchronized (encoderLock) {
            long t0 = System.nanoTime();
            float[] encoded = encode(batch.stream().map(Pending::image).toList(), h, w);
            fill.encodeNanos += System.nanoTime() - t0;
            for (int i = 0; i < batch.size(); i++) {
                store.write(batch.get(i).key(), encoded, i * per, h, w);
            }
        }
        return batch.size();
    }

    /**
     * Runs the encoder on images of one size and returns its tokens as C-order floats {@code [B, L, h, w, C]}
     * (not yet rounded). Caller holds {@link #encoderLock}.
     */
    private float[] encode(List<RgbImage> images, int h, int w) {
        RgbImage first = images.get(0);
        int plane = 3 * first.size().area();
        float[] pixels = new float[Math.multiplyExact(plane, images.size())];
        for (int b = 0; b < images.size(); b++) {
            System.arraycopy(images.get(b).toChwFloats(), 0, pixels, b * plane, plane);
        }
        INDArray input = Nd4j.create(pixels, new long[] {images.size(), 3, first.height(), first.width()}, DataType.FLOAT);
        DenseTokens out;
        try {
            out = encoder.encode(input);
        } finally {
            release(input);
        }
        EncoderSpec spec = store.spec();
        long[] expected = {images.size(), spec.layers().size(), (long) h * w, spec.channels()};
        if (!Arrays.equals(out.tokens().shape(), expected) || out.gridHeight() != h || out.gridWidth() != w
                || out.stride() != spec.stride()) {
            throw new IllegalStateException("encoder " + store.key().encoder() + " returned tokens "
                    + Arrays.toString(out.tokens().shape()) + " on a " + h + "x" + w + " grid with stride " + out.stride()
                    + " for " + images.size() + " images of " + first.size() + "; its spec " + spec + " promises "
                    + Arrays.toString(expected) + " on a " + h + "x" + w + " grid");
        }
        INDArray c = out.tokens().dup('c');
        float[] values = c.data().asFloat();
        release(c);
        release(out.tokens());
        if (values.length != images.size() * spec.layers().size() * h * w * spec.channels()) {
            throw new IllegalStateException("encoder output holds " + values.length + " values, expected "
                    + Arrays.stream(expected).reduce(1, (a, b) -> a * b));
        }
        return values;
    }

    /** Frees an array's native memory now rather than at garbage collection (we own it; views are left alone). */
    private static void release(INDArray a) {
        if (a.closeable()) {
            a.close();
        }
    }
}
