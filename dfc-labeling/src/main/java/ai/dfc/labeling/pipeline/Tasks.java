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
 * A batch of tasks on the run's pool whose results are taken in submission order, so output does not depend on which
 * task finished first, and callers can write results as soon as a prefix of the batch is done. The first failure
 * cancels the rest and is rethrown as it was thrown (an {@link IOException}, a runtime exception such as
 * {@link ai.dfc.api.grounder.GrounderUnavailableException}, or an error).
 *
 * @param <T> the result type
 */
final class Tasks<T> {
    /** A task that may throw {@link IOException}. */
    @FunctionalInterface
    interface IoTask<T> {
        T call() throws IOException;
    }

    private final List<Future<T>> futures;

    private Tasks(List<Future<T>> futures) {
        this.futures = futures;
    }

    /** Submits every task (the pool runs them in submission order as threads free up). */
    static <T> Tasks<T> submit(ExecutorService pool, List<IoTask<T>> tasks) {
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
        return new Tasks<>(futures);
    }

    /** Runs every task and returns the results in submission order. */
    static <T> List<T> all(ExecutorService pool, List<IoTask<T>> tasks) throws IOException {
        Tasks<T> batch = submit(pool, tasks);
        List<T> out = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            out.add(batch.get(i));
        }
        return out;
    }

    /** The result of task {@code i}, waiting for it; on failure every task of the batch is cancelled first. */
    T get(int i) throws IOException {
        try {
            return futures.get(i).get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | CancellationException e) {
            cancel();
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
    }

    /** Cancels every task not yet finished. */
    void cancel() {
        futures.forEach(f -> f.cancel(true));
    }
}
