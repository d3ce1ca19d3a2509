package ai.dfc.labeling.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a batch of tasks on the run's pool and returns their results in submission order, so output does not depend on
 * which task finished first. The first failure cancels the rest and is rethrown as it was thrown (an
 * {@link IOException}, a runtime exception such as {@link ai.dfc.api.grounder.GrounderUnavailableException}, or an
 * error).
 */
final class Tasks {
    private Tasks() {
    }

    /** A task that may throw {@link IOException}. */
    @FunctionalInterface
    interface IoTask<T> {
        T call() throws IOException;
    }

    static <T> List<T> all(ExecutorService pool, List<IoTask<T>> tasks) throws IOException {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (IoTask<T> t : tasks) {
            Callable<T> c = () -> {
                try {
                    return t.call();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            futures.add(pool.submit(c));
        }
        List<T> out = new ArrayList<>(tasks.size());
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | CancellationException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        return out;
    }
}
