package dev.callx.http;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one bounded parallel fetcher of a run, shared by pages, per-call details and recording
 * downloads: a small cousin of okhttp's {@code Dispatcher}.
 *
 * <ul>
 *   <li>{@code concurrency} worker threads (daemons: a hung request never keeps the process alive)
 *       run submitted tasks; requests in flight are bounded by the {@link Throttle} every HTTP
 *       attempt goes through, which shrinks under 429/503 and grows back.</li>
 *   <li>Tasks are independent: no task waits on another task, so the pool cannot deadlock. Ordering
 *       is the caller's business: it keeps the futures in the order it wants results.</li>
 *   <li>{@link #await(Future)} turns a task's failure back into the {@link CallxException} it threw,
 *       on the calling thread, with its exit code.</li>
 * </ul>
 * One per run; {@link #close()} cancels what is still queued or running.
 */
public final class FetchPool implements AutoCloseable {
    /** More would only queue at the server: no platform documents a higher rate. */
    public static final int MAX_CONCURRENCY = 32;

    private final int concurrency;
    private final Throttle throttle;
    private final ExecutorService executor;

    public FetchPool(int concurrency) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY);
        }
        this.concurrency = concurrency;
        this.throttle = new Throttle(concurrency);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "callx-fetch-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public int concurrency() {
        return concurrency;
    }

    public Throttle throttle() {
        return throttle;
    }

    public <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /**
     * Runs {@code task} in the pool; the future completes with its result or its exception (a
     * {@link CallxException} as thrown), for stages that chain work ({@code thenCompose}) without
     * waiting on it. Cancelling the future does not stop the task; {@link #close()} does.
     */
    public <T> CompletableFuture<T> supply(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (result.isDone()) {
                    return; // cancelled while queued: the export is over
                }
                try {
                    result.complete(task.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new CallxException(ExitCode.INTERRUPTED,
                    "interrupted; nothing more was fetched", e));
        }
        return result;
    }

    /**
     * The task's result; its exception rethrown as thrown (a {@link CallxException} keeps its exit
     * code). Interrupting the waiting thread (Ctrl-C) is exit 130.
     */
    public static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new CallxException(ExitCode.INTERRUPTED, "interrupted; nothing more was fetched", e);
        } catch (CancellationException e) {
            throw new CallxException(ExitCode.INTERRUPTED, "interrupted; nothing more was fetched", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Cancels queued tasks and interrupts running ones. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
