package dev.callx.paging;

import static dev.callx.paging.PageSourceTest.idOf;
import static dev.callx.paging.PageSourceTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.callx.error.CallxException;
import dev.callx.http.FetchPool;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordIterator}'s counts (what the summary line and the progress report), its flush point,
 * and the record it quotes when a page repeats.
 */
class RecordIteratorTest {
    private final List<FetchPool> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(FetchPool::close);
    }

    private RecordIterator iterator(List<List<JsonNode>> pages, RecordIterator.Listener listener) {
        PageFetcher f = (page, size) -> page <= pages.size()
                ? new Page(pages.get((int) page - 1), page < pages.size(), null, null)
                : new Page(List.of(), false, null, null);
        FetchPool pool = new FetchPool(1);
        pools.add(pool);
        PageSource source = new PageSource(f, PagingPlan.all(1, 3), pool, 1, () -> Long.MAX_VALUE, w -> { }, "Test");
        return new RecordIterator(source, PageSourceTest::idOf, "Test Platform", listener);
    }

    @Test
    void countsWhatWasReceivedWhatWasDroppedAndEachPagesNewRecords() {
        List<String> perPage = new ArrayList<>();
        RecordIterator it = iterator(List.of(
                List.of(rec("a"), rec("b"), rec("c")),
                List.of(rec("c"), rec("d"), rec(null)),
                List.of(rec("a"), rec("e"))),
                (page, fresh, received) -> perPage.add(page.number() + ":" + fresh + "/" + received));
        List<String> out = new ArrayList<>();
        it.forEachRemaining(n -> out.add(idOf(n)));

        assertThat(out).containsExactly("a", "b", "c", "d", null, "e");
        assertThat(perPage).containsExactly("1:3/3", "2:2/6", "3:1/8");
        assertThat(it.received()).isEqualTo(8);
        assertThat(it.duplicates()).isEqualTo(2);
        assertThat(it.pages()).isEqualTo(3);
        assertThat(it.buffered()).isZero();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void theRecordsLeftOfAPageAreBufferedAndTheFlushRunsOnlyWhenTheyAreUsedUp() {
        List<String> events = new ArrayList<>();
        RecordIterator it = iterator(List.of(List.of(rec("a"), rec("b"), rec("c")), List.of(rec("d"))), null)
                .beforeWait(() -> events.add("flush"));
        events.add(idOf(it.next()));
        assertThat(it.buffered()).isEqualTo(2);
        events.add(idOf(it.next()));
        events.add(idOf(it.next()));
        events.add(idOf(it.next()));
        assertThat(it.hasNext()).isFalse();
        // before each wait for a page: the first, the second, and the end of the list
        assertThat(events).containsExactly("flush", "a", "b", "c", "flush", "d", "flush");
    }

    @Test
    void aRepeatedRecordWithoutAnIdIsQuotedUpTo60Characters() {
        String sixty = "x".repeat(60 - "{\"n\":\"\"}".length());
        JsonNode fits = JsonNodeFactory.instance.objectNode().put("n", sixty);
        assertThatThrownBy(() -> iterator(List.of(List.of(fits), List.of(fits)), null).forEachRemaining(n -> { }))
                .isInstanceOf(CallxException.class)
                .hasMessageContaining("a record without an id, '{\"n\":\"" + sixty + "\"}' among them");
        JsonNode longer = JsonNodeFactory.instance.objectNode().put("n", sixty + "y");
        assertThatThrownBy(() -> iterator(List.of(List.of(longer), List.of(longer)), null).forEachRemaining(n -> { }))
                .isInstanceOf(CallxException.class)
                .hasMessageContaining("a record without an id, '{\"n\":\"" + sixty + "y\"…' among them");
    }
}
