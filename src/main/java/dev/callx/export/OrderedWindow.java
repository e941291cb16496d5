package dev.callx.export;

import dev.callx.http.FetchPool;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Results of asynchronous work handed out in the order the work was submitted: at most
 * {@code capacity} pending at once. {@link #put} waits for the oldest when full; the results are
 * handed to the consumer on the calling thread only, so the writer stays single-threaded.
 *
 * @param <T> the result
 */
public final class OrderedWindow<T> {
    private final int capacity;
    private final Consumer<T> consumer;
    private final Deque<CompletableFuture<T>> pending = new ArrayDeque<>();

    public OrderedWindow(int capacity, Consumer<T> consumer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.consumer = consumer;
    }

    /** Adds a result to come; hands out those that are done at the head, and waits for the head when full. */
    public void put(CompletableFuture<T> result) {
        pending.addLast(result);
        drainDone();
        while (pending.size() >= capacity) {
            consumer.accept(FetchPool.await(pending.removeFirst()));
        }
    }

    /** Hands out every result, in order, waiting for each. */
    public void drainAll() {
        while (!pending.isEmpty()) {
            consumer.accept(FetchPool.await(pending.removeFirst()));
        }
    }

    /** Cancels what is still pending (the export failed). */
    public void cancel() {
        pending.forEach(f -> f.cancel(true));
        pending.clear();
    }

    public int pending() {
        return pending.size();
    }

    private void drainDone() {
        while (!pending.isEmpty() && pending.peekFirst().isDone()) {
            consumer.accept(FetchPool.await(pending.removeFirst()));
        }
    }
}
