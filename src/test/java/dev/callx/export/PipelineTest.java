package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.log.Log;
import dev.callx.log.Secrets;
import dev.callx.output.RecordWriter;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The stages of one export (DESIGN.md): filters, then --limit on what passed them, then enrichers and
 * transforms, into the writer; the count of records written, and each filter's closing word on stderr.
 */
class PipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter err = new StringWriter();
    private final Log log = new Log(new PrintWriter(err, true), Log.Level.VERBOSE, new Secrets(), "vaani");

    /** Records the ids written, and whether the document was finished. */
    private static final class Ids implements RecordWriter {
        final List<String> written = new ArrayList<>();
        boolean finished;

        @Override
        public void write(CallRecord record) {
            written.add(record.id());
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void flush() {
        }
    }

    /** The raw records r1..rN, and how many of them were taken from the source. */
    private static final class Source implements Iterator<JsonNode> {
        final int size;
        int taken;

        Source(int size) {
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return taken < size;
        }

        @Override
        public JsonNode next() {
            taken++;
            return JSON.createObjectNode().put("id", "r" + taken);
        }
    }

    private static Pipeline pipeline() {
        return new Pipeline(raw -> new CallRecord(raw).set(Field.ID, raw.get("id").asText()));
    }

    /** Lets through the records whose number is even (r2, r4, ...). */
    private static final RecordFilter EVEN = r -> Integer.parseInt(r.id().substring(1)) % 2 == 0;

    @Test
    void everyRecordIsWrittenAndCountedAndTheDocumentFinished() throws Exception {
        Ids writer = new Ids();
        long[] passed = {0};

        long written = pipeline().run(new Source(3), writer, log, passed);

        assertThat(writer.written).containsExactly("r1", "r2", "r3");
        assertThat(written).isEqualTo(3);
        assertThat(passed[0]).isEqualTo(3);
        assertThat(writer.finished).isTrue();
    }

    @Test
    void theLimitCountsRecordsThatPassedTheFiltersAndNothingPastItIsRead() throws Exception {
        Ids writer = new Ids();
        Source source = new Source(10);
        long[] passed = {0};

        long written = pipeline().filter(EVEN).limit(2).run(source, writer, log, passed);

        assertThat(writer.written).containsExactly("r2", "r4");
        assertThat(written).isEqualTo(2);
        assertThat(source.taken).as("records read from the source").isEqualTo(4);
        assertThat(passed[0]).isEqualTo(2);
    }

    @Test
    void recordsStillWantedFollowTheLimit() {
        assertThat(pipeline().limit(5).wanted(2)).isEqualTo(3);
        assertThat(pipeline().wanted(2)).as("no --limit").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void transformsApplyInTheOrderAddedAndListenersSeeWhatWasWritten() throws Exception {
        Ids writer = new Ids();
        List<String> seen = new ArrayList<>();

        long written = pipeline()
                .transform(r -> r.set(Field.ID, r.id() + "-a"))
                .transform(r -> r.set(Field.ID, r.id() + "-b"))
                .onWritten(r -> seen.add(r.id()))
                .run(new Source(2), writer, log, new long[1]);

        assertThat(writer.written).containsExactly("r1-a-b", "r2-a-b");
        assertThat(seen).containsExactly("r1-a-b", "r2-a-b");
        assertThat(written).isEqualTo(2);
    }

    @Test
    void enrichedRecordsAreWrittenInOrderAndCounted() throws Exception {
        Ids writer = new Ids();
        Enricher tag = r -> CompletableFuture.completedFuture(r.set(Field.SUMMARY, "enriched"));
        List<Object> summaries = new ArrayList<>();

        long written = pipeline().enrich(tag, 4).onWritten(r -> summaries.add(r.get(Field.SUMMARY)))
                .run(new Source(3), writer, log, new long[1]);

        assertThat(writer.written).containsExactly("r1", "r2", "r3");
        assertThat(summaries).containsOnly("enriched").hasSize(3);
        assertThat(written).isEqualTo(3);
    }

    @Test
    void everyFilterAndEnricherIsToldTheRunEndedAfterTheDocumentIsFinished() throws Exception {
        Ids writer = new Ids();
        List<String> finished = new ArrayList<>();
        RecordFilter first = new RecordFilter() {
            @Override
            public boolean accept(CallRecord record) {
                return true;
            }

            @Override
            public void finish(Log l) {
                finished.add("first filter, document finished: " + writer.finished);
            }
        };
        RecordFilter second = new RecordFilter() {
            @Override
            public boolean accept(CallRecord record) {
                return true;
            }

            @Override
            public void finish(Log l) {
                l.warn("second filter done");
                finished.add("second filter");
            }
        };
        Enricher enricher = new Enricher() {
            @Override
            public CompletableFuture<CallRecord> enrich(CallRecord record) {
                return CompletableFuture.completedFuture(record);
            }

            @Override
            public void finish(Log l) {
                finished.add("enricher");
            }
        };

        pipeline().filter(first).filter(second).enrich(enricher, 1).run(new Source(1), writer, log, new long[1]);

        assertThat(finished).containsExactly("first filter, document finished: true", "second filter", "enricher");
        assertThat(err.toString()).isEqualTo("callx vaani: second filter done" + System.lineSeparator());
    }
}
