package dev.callx.export;

import dev.callx.record.CallRecord;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous stage that completes a record with what takes a request of its own (a
 * transcript, a recording), through the run's {@link dev.callx.http.FetchPool}. The pipeline keeps
 * the futures in record order ({@link OrderedWindow}), so records are written in the order received
 * whatever order the requests complete in. An enricher never waits on another task of the pool.
 */
public interface Enricher {
    /**
     * @return the record, completed (it may be the same object, filled in), or a future failing with
     *         the {@link dev.callx.error.CallxException} that ends the export
     */
    CompletableFuture<CallRecord> enrich(CallRecord record);

    /** Called once at the end, on the main thread: report what could not be had. */
    default void finish(dev.callx.log.Log log) {
    }
}
