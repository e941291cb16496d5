package dev.callx.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.log.Log;
import dev.callx.output.RecordWriter;
import dev.callx.record.CallRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The stages of one export, in order (DESIGN.md):
 * <pre>
 * records ─► map ─► filters (window, state) ─► limit ─► enrichers (async, ordered) ─► transforms (redact) ─► writer
 * </pre>
 * <ul>
 *   <li>The limit counts records that passed the filters, before enrichment: nothing is fetched for a
 *       record past --limit.</li>
 *   <li>Enrichers run through the fetch pool; an {@link OrderedWindow} of at most {@code window}
 *       records keeps them in order. Without enrichers, records go straight to the writer.</li>
 *   <li>Only the calling thread touches the writer, the filters and the transforms.</li>
 * </ul>
 */
public final class Pipeline {
    private final Function<JsonNode, CallRecord> map;
    private final List<RecordFilter> filters = new ArrayList<>();
    private final List<Enricher> enrichers = new ArrayList<>();
    private final List<UnaryOperator<CallRecord>> transforms = new ArrayList<>();
    private final List<java.util.function.Consumer<CallRecord>> written = new ArrayList<>();
    private long limit;
    private int window = 1;

    public Pipeline(Function<JsonNode, CallRecord> map) {
        this.map = map;
    }

    public Pipeline filter(RecordFilter f) {
        filters.add(f);
        return this;
    }

    /** --limit: records that pass the filters, at most; 0 for no limit. */
    public Pipeline limit(long n) {
        this.limit = n;
        return this;
    }

    /** @param window records in flight through the enrichers at most */
    public Pipeline enrich(Enricher e, int window) {
        enrichers.add(e);
        this.window = Math.max(this.window, window);
        return this;
    }

    public Pipeline transform(UnaryOperator<CallRecord> t) {
        transforms.add(t);
        return this;
    }

    /** Told about each record once it was handed to the writer (the state's bookmark, counts). */
    public Pipeline onWritten(java.util.function.Consumer<CallRecord> listener) {
        written.add(listener);
        return this;
    }

    /** Records still wanted (--limit) after {@code passed} records passed the filters. */
    public long wanted(long passed) {
        return limit == 0 ? Long.MAX_VALUE : limit - passed;
    }

    /**
     * Runs the records through the stages into the writer, then finishes the writer (the JSON array's
     * end) and every stage.
     *
     * @param passed updated with the count of records that passed the filters, for the page source's demand
     * @return the records written
     */
    public long run(Iterator<JsonNode> records, RecordWriter writer, Log log, long[] passed) throws IOException {
        long[] count = {0};
        OrderedWindow<CallRecord> pending = enrichers.isEmpty() ? null
                : new OrderedWindow<>(window, record -> write(record, writer, count));
        try {
            while ((limit == 0 || passed[0] < limit) && records.hasNext()) {
                CallRecord record = map.apply(records.next());
                if (!accepted(record)) {
                    continue;
                }
                passed[0]++;
                if (pending == null) {
                    write(record, writer, count);
                } else {
                    pending.put(enriched(record));
                }
            }
            if (pending != null) {
                pending.drainAll();
            }
        } catch (RuntimeException e) {
            if (pending != null) {
                pending.cancel();
            }
            throw e;
        }
        writer.finish();
        filters.forEach(f -> f.finish(log));
        enrichers.forEach(e -> e.finish(log));
        return count[0];
    }

    private boolean accepted(CallRecord record) {
        for (RecordFilter f : filters) {
            if (!f.accept(record)) {
                return false;
            }
        }
        return true;
    }

    private CompletableFuture<CallRecord> enriched(CallRecord record) {
        CompletableFuture<CallRecord> f = CompletableFuture.completedFuture(record);
        for (Enricher e : enrichers) {
            f = f.thenCompose(e::enrich);
        }
        return f;
    }

    private void write(CallRecord record, RecordWriter writer, long[] count) {
        CallRecord r = record;
        for (UnaryOperator<CallRecord> t : transforms) {
            r = t.apply(r);
        }
        try {
            writer.write(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count[0]++;
        for (java.util.function.Consumer<CallRecord> l : written) {
            l.accept(r);
        }
    }
}
