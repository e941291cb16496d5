package dev.callx.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.http.FetchPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PageSource#stopWhen}: paging ends after the first page the consumer's rule marks as the last
 * one wanted (issue 9.3); no page after it is asked for, and pages already in flight are discarded.
 */
class PageSourceStopTest {
    private final List<FetchPool> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(FetchPool::close);
    }

    /** The page holding this id is the last one wanted. */
    static Predicate<Page> holds(String id) {
        return page -> page.items().stream().anyMatch(n -> n.get("id").asText().equals(id));
    }

    private PageSource source(PageFetcher fetcher, int concurrency, Predicate<Page> rule) {
        FetchPool pool = new FetchPool(concurrency);
        pools.add(pool);
        return new PageSource(fetcher, PagingPlan.all(1, 10), pool, concurrency, () -> Long.MAX_VALUE, w -> { },
                "Test Platform").stopWhen(rule);
    }

    private static List<String> drain(PageSource source) {
        RecordIterator it = new RecordIterator(source, PageSourceTest::idOf, "Test Platform", null);
        List<String> out = new ArrayList<>();
        it.forEachRemaining(n -> out.add(PageSourceTest.idOf(n)));
        return out;
    }

    @Test
    void oneAtATimeNoPageAfterTheLastWantedIsAskedFor() {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(100);
        PageSource source = source(list, 1, holds("c35"));

        assertThat(drain(source)).isEqualTo(PageSourceTest.ids(1, 40));
        assertThat(list.asked).containsExactly(1L, 2L, 3L, 4L);
        assertThat(source.stoppedAt()).isEqualTo(4L);
        assertThat(source.requests()).isEqualTo(4);
    }

    @Test
    void theFirstPageAloneWhenItIsTheLastWanted() {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(100);
        PageSource source = source(list, 8, holds("c3"));

        assertThat(drain(source)).isEqualTo(PageSourceTest.ids(1, 10));
        assertThat(list.asked).containsExactly(1L);
    }

    /**
     * Pages 3 to 9 are in flight, and answered, before page 2 (the last wanted) is: their records are
     * never handed out, and nothing past page 9 is asked for.
     */
    @Test
    void pagesInFlightAfterTheLastWantedAreDiscarded() {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(200);
        CountDownLatch laterPagesAnswered = new CountDownLatch(7);
        list.hook = (page, l) -> {
            if (page >= 3 && page <= 9) {
                laterPagesAnswered.countDown();
            }
            if (page == 2) {
                assertThat(laterPagesAnswered.await(10, TimeUnit.SECONDS)).as("pages 3..9 in flight").isTrue();
            }
        };
        PageSource source = source(list, 8, holds("c15"));

        assertThat(drain(source)).isEqualTo(PageSourceTest.ids(1, 20));
        assertThat(list.asked).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(source.stoppedAt()).isEqualTo(2L);
    }

    @Test
    void aRuleThatNeverHoldsChangesNothing() {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(95);
        PageSource source = source(list, 4, page -> false);

        assertThat(drain(source)).isEqualTo(PageSourceTest.ids(1, 95));
        assertThat(list.asked).hasSize(10);
        assertThat(source.stoppedAt()).isNull();
    }

    /** The list's own last page is not an early stop, even when the rule holds there. */
    @Test
    void theListsLastPageIsNotCountedAsAnEarlyStop() {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(25);
        PageSource source = source(list, 2, holds("c25"));

        assertThat(drain(source)).isEqualTo(PageSourceTest.ids(1, 25));
        assertThat(source.stoppedAt()).isNull();
    }

}
