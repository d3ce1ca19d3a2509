package ai.dfc.geometry.raster;

import ai.dfc.api.geometry.Camera;
import ai.dfc.geometry.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic software rasterizer: renders a {@link TriangleMesh} (world coordinates) through an api
 * {@link Camera} into a {@link RenderedView} with planar depth, mask, part ids, triangle indices, normals and a
 * shaded RGB image.
 *
 * <p>Geometry. Pixel {@code (col, row)} samples the ray through {@code u = col, v = row} (pixel centres on integer
 * coordinates, SPEC §0.2). Depth is planar camera Z, perspective-correct (exact on every planar triangle). Both faces
 * of every triangle are drawn (meshes may be open); the nearest surface wins, and on exactly equal depth the
 * triangle with the lower index. Shared edges follow the top-left rule, so a closed or tiled surface shows neither
 * cracks nor doubly covered pixels. Triangles crossing the near plane ({@link RenderOptions#nearPlane()}) are clipped
 * in camera space, never dropped; triangles reaching far outside the image are clipped to a guard band.
 *
 * <p>Shading and anti-aliasing: see {@link RenderOptions}. Only the RGB image is supersampled; the other outputs come
 * from the pixel-centre sample and are identical whatever the supersampling.
 *
 * <p>Immutable and thread-safe: one instance may render from many threads. Results are bit-identical whatever the
 * thread count. Memory per worker thread is about {@code 8·(1 + s²)·W·H} bytes of sample buffers plus 40 bytes per
 * vertex and 5 per triangle; each view's result holds about {@code 27·W·H} bytes.
 */
public final class Rasterizer {
    /**
     * Largest image side in samples (after supersampling): keeps 1/256-pixel fixed-point coordinates, guard band
     * included, inside {@code int} and edge-function products inside {@code long}.
     */
    static final int MAX_SIDE = 1 << 22;
    /** Largest number of samples in one pass (a Java array). */
    private static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;

    private final RenderOptions options;

    /**
     * A rasterizer with the given settings.
     *
     * @param options render settings
     * @throws IllegalArgumentException if {@code options} is null
     */
    public Rasterizer(RenderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("render options must not be null");
        }
        this.options = options;
    }

    /** A rasterizer with {@link RenderOptions#defaults()}. */
    public Rasterizer() {
        this(RenderOptions.defaults());
    }

    /** The render settings. */
    public RenderOptions options() {
        return options;
    }

    /**
     * Renders {@code mesh} from one camera on the calling thread.
     *
     * @param mesh   triangles in world coordinates (the frame the camera's extrinsics map from)
     * @param camera the view; the output has its image size
     * @throws IllegalArgumentException if an argument is null
     */
    public RenderedView render(TriangleMesh mesh, Camera camera) {
        if (camera == null) {
            throw new IllegalArgumentException("camera must not be null");
        }
        return render(mesh, List.of(camera), 1).get(0);
    }

    /**
     * Renders {@code mesh} from every camera, spreading the views over up to {@code threads} threads (started for
     * this call and stopped before it returns; one thread runs on the caller).
     *
     * @param mesh    triangles in world coordinates
     * @param cameras the views, any image sizes
     * @param threads the most threads to use, &ge; 1
     * @return an unmodifiable list, element {@code k} rendered from {@code cameras.get(k)}; identical for every
     *         {@code threads}
     * @throws IllegalArgumentException if {@code mesh} or {@code cameras} (or an element) is null, {@code threads < 1},
     *                                  or a camera's image times the supersampling factor exceeds 4,194,304 samples per
     *                                  side or {@code 2³¹ − 9} samples in all
     * @throws IllegalStateException    if the calling thread is interrupted while waiting (its flag is restored)
     */
    public List<RenderedView> render(TriangleMesh mesh, List<Camera> cameras, int threads) {
        if (mesh == null) {
            throw new IllegalArgumentException("mesh must not be null");
        }
        if (cameras == null || cameras.stream().anyMatch(c -> c == null)) {
            throw new IllegalArgumentException("cameras must be a list without nulls, was " + cameras);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, was " + threads);
        }
        for (Camera camera : cameras) {
            requireRenderable(camera);
        }
        PreparedMesh prepared = new PreparedMesh(mesh, options);
        RenderedView[] out = new RenderedView[cameras.size()];
        int workers = Math.min(threads, cameras.size());
        if (workers <= 1) {
            ViewRenderer renderer = new ViewRenderer(prepared, options);
            for (int i = 0; i < out.length; i++) {
                out[i] = renderer.render(cameras.get(i));
            }
            return List.of(out);
        }
        renderInParallel(prepared, cameras, workers, out);
        return List.of(out);
    }

    private void renderInParallel(PreparedMesh prepared, List<Camera> cameras, int workers, RenderedView[] out) {
        AtomicInteger nextView = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable work = () -> {
            ViewRenderer renderer = new ViewRenderer(prepared, options);
            int i;
            while (!failed.get() && (i = nextView.getAndIncrement()) < out.length) {
                try {
                    out[i] = renderer.render(cameras.get(i));
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(workers - 1, daemonThreads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 1; w < workers; w++) {
                futures.add(pool.submit(work));
            }
            work.run();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("rendering failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + out.length + " views", e);
        } finally {
            pool.shutdownNow();
        }
        if (Arrays.stream(out).anyMatch(v -> v == null)) {
            throw new IllegalStateException("a render worker stopped without a result");
        }
    }

    private void requireRenderable(Camera camera) {
        int s = options.supersampling();
        long w = (long) camera.size().width() * s;
        long h = (long) camera.size().height() * s;
        if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_SAMPLES) {
            throw new IllegalArgumentException("image " + camera.size() + " with supersampling " + s + " needs " + w + "x"
                    + h + " samples; at most " + MAX_SIDE + " per side and " + MAX_SAMPLES + " in all are supported");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "dfc-raster-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "Rasterizer[" + options + "]";
    }
}
