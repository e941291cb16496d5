package dev.callx.paging;

import static dev.callx.paging.PageSourceTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.callx.error.CallxException;
import dev.callx.http.FetchPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the loop guards stop paging with exit 7 (SPEC 5, issue 8.1), the pages still in flight are
 * cancelled, and the iterator hands out nothing more: not even the records of the page that tripped
 * the guard.
 */
class PageSourceGuardTest {
    private final List<FetchPool> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(FetchPool::close);
    }

    /**
     * Pages from {@code from} on are held until cancelled, each counting down {@code interrupted}; page
     * {@code from - 1}, the one that trips the guard, is answered once {@code interrupted.getCount()}
     * pages are held.
     */
    private static void holdFrom(long page, long from, CountDownLatch interrupted, CountDownLatch held) {
        if (page == from - 1) {
            assertThat(awaitQuietly(held)).as("the pages after page " + page + " in flight").isTrue();
        }
        if (page >= from) {
            held.countDown();
            try {
                new CountDownLatch(1).await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new IllegalStateException("cancelled");
            }
        }
    }

    private RecordIterator records(PageFetcher fetcher, int pageSize, int concurrency) {
        FetchPool pool = new FetchPool(concurrency);
        pools.add(pool);
        PageSource source = new PageSource(fetcher, PagingPlan.all(1, pageSize), pool, concurrency,
                () -> Long.MAX_VALUE, w -> { }, "Test Platform");
        return new RecordIterator(source, PageSourceTest::idOf, "Test Platform", null);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<JsonNode> idless(int n) {
        List<JsonNode> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(JsonNodeFactory.instance.objectNode().put("summary", "s" + i));
        }
        return l;
    }

    @Test
    void theCeilingOnPagesPastThePromisedOnesCancelsThePagesInFlight() {
        // 1 page promised, has_next forever: page 12 is refused while 13..15 are in flight
        AtomicInteger n = new AtomicInteger();
        CountDownLatch interrupted = new CountDownLatch(3);
        CountDownLatch held = new CountDownLatch(3);
        PageFetcher f = (page, size) -> {
            holdFrom(page, 13, interrupted, held);
            return new Page(List.of(rec("r" + n.incrementAndGet())), true, 1L, 1L);
        };
        RecordIterator it = records(f, 1, 4);
        List<JsonNode> out = new ArrayList<>();
        assertThatThrownBy(() -> it.forEachRemaining(out::add)).isInstanceOf(CallxException.class)
                .hasMessageContaining("kept saying there is more after page 12");
        assertThat(out).hasSize(11);
        assertThat(awaitQuietly(interrupted)).as("pages 13..15 cancelled").isTrue();
    }

    @Test
    void aPageWithNothingNewCancelsThePagesInFlightAndHandsOutNothingMore() {
        // a server ignoring the page parameter, records without ids: page 2 repeats page 1
        CountDownLatch interrupted = new CountDownLatch(3);
        CountDownLatch held = new CountDownLatch(3);
        PageFetcher f = (page, size) -> {
            holdFrom(page, 3, interrupted, held);
            return new Page(idless(2), true, null, null);
        };
        RecordIterator it = records(f, 2, 4);
        List<JsonNode> out = new ArrayList<>();
        assertThatThrownBy(() -> it.forEachRemaining(out::add)).isInstanceOf(CallxException.class)
                .satisfies(e -> assertThat(((CallxException) e).exitCode()).isEqualTo(7))
                .hasMessageContaining("returned page 2 with nothing new");
        assertThat(out).hasSize(2);
        assertThat(it.hasNext()).as("the repeated page's records are not handed out").isFalse();
        assertThat(awaitQuietly(interrupted)).as("pages 3..5 cancelled").isTrue();
    }

    @Test
    void aListGrowingAPagePerPageReadCancelsThePagesInFlightAndHandsOutNothingMore() {
        // every page: the same records without ids, and a total one page larger than the page before;
        // the 11th such page (page 12) is one more than EXCUSED_PAGES
        CountDownLatch interrupted = new CountDownLatch(3);
        CountDownLatch held = new CountDownLatch(3);
        PageFetcher f = (page, size) -> {
            holdFrom(page, 13, interrupted, held);
            return new Page(idless(10), true, null, 1000 + (page - 1) * 10);
        };
        RecordIterator it = records(f, 10, 4);
        List<JsonNode> out = new ArrayList<>();
        assertThatThrownBy(() -> it.forEachRemaining(out::add)).isInstanceOf(CallxException.class)
                .satisfies(e -> assertThat(((CallxException) e).exitCode()).isEqualTo(7))
                .hasMessageContaining("returned 11 pages with nothing new while its totals kept rising (page 12");
        // records without an id are never dropped: the excused pages' records were handed out
        assertThat(out).hasSize(110);
        assertThat(it.hasNext()).as("page 12's records are not handed out").isFalse();
        assertThat(awaitQuietly(interrupted)).as("pages 13..15 cancelled").isTrue();
    }

    /**
     * Pages 2..11 repeat page 1's ten records while the total rises by a page each time (each excused:
     * the list shifted by a page), as many as {@link RecordIterator#EXCUSED_PAGES}; page 12 is {@code last}.
     */
    private static PageFetcher grewTenPagesThen(Page last) {
        List<JsonNode> same = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            same.add(rec("c" + i));
        }
        return (page, size) -> page <= 11 ? new Page(same, true, null, 1000 + (page - 1) * 10) : last;
    }

    @Test
    void aRepeatedPageOnceTheTotalStopsRisingIsALoopOfThePageParameterNotDrift() {
        List<JsonNode> same = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            same.add(rec("c" + i));
        }
        RecordIterator it = records(grewTenPagesThen(new Page(same, true, null, 1100L)), 10, 1);
        List<JsonNode> out = new ArrayList<>();
        assertThatThrownBy(() -> it.forEachRemaining(out::add)).isInstanceOf(CallxException.class)
                .satisfies(e -> assertThat(((CallxException) e).exitCode()).isEqualTo(7))
                .hasMessageContaining("returned page 12 with nothing new: every record was already received");
        assertThat(out).hasSize(10);
    }

    @Test
    void anEmptyPageAfterAsManyExcusedPagesAsAllowedEndsPagingWithoutAnError() {
        RecordIterator it = records(grewTenPagesThen(new Page(List.of(), false, null, 1100L)), 10, 1);
        List<JsonNode> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        assertThat(out).hasSize(10);
    }
}
