package dev.callx.paging;

import static dev.callx.paging.PageSourceTest.idOf;
import static dev.callx.paging.PageSourceTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import dev.callx.http.FetchPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link PageSource} one by one, each at the values where a wrong line would show: the
 * loop guard's ceiling where twice the promised pages is the bound and in a numbering from 0, a server
 * that caps the page size while calls arrive, a drift larger than what de-duplication keeps by
 * default, and the cancellation of pages in flight when paging stops early.
 */
class PageSourceRulesTest {
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<FetchPool> pools = new ArrayList<>();
    private PageSource lastSource;

    @AfterEach
    void closePools() {
        pools.forEach(FetchPool::close);
    }

    private RecordIterator records(PageFetcher fetcher, PagingPlan plan, int concurrency) {
        FetchPool pool = new FetchPool(concurrency);
        pools.add(pool);
        lastSource = new PageSource(fetcher, plan, pool, concurrency, () -> Long.MAX_VALUE, warnings::add,
                "Test Platform");
        return new RecordIterator(lastSource, PageSourceTest::idOf, "Test Platform", null);
    }

    private static List<String> drainInto(RecordIterator it, List<String> out) {
        while (it.hasNext()) {
            out.add(idOf(it.next()));
        }
        return out;
    }

    /** A server that promises {@code pages} pages of one record, then says has_next forever, with new ids. */
    private static PageFetcher alwaysMore(long pages) {
        AtomicInteger n = new AtomicInteger();
        return (page, size) -> new Page(List.of(rec("r" + n.incrementAndGet())), true, pages, pages);
    }

    // ---- the loop guard's ceiling (SPEC 5, issue 8.1) ----

    @Test
    void pastManyPromisedPagesTheCeilingIsTwiceThem() {
        // 20 pages promised: twice that (40) is more than 20 + 10, so page 41 is the one refused
        List<String> out = new ArrayList<>();
        RecordIterator it = records(alwaysMore(20), PagingPlan.all(1, 1), 1);
        assertThatThrownBy(() -> drainInto(it, out)).isInstanceOf(CallxException.class)
                .satisfies(e -> assertThat(((CallxException) e).exitCode()).isEqualTo(7))
                .hasMessageContaining("kept saying there is more after page 41, while its totals promised 20 pages;");
        assertThat(out).hasSize(40);
    }

    @Test
    void theCeilingCountsPagesFromOneWhenThePlatformNumbersFromZero() {
        // Zudu numbers pages from 0: 20 promised are pages 0..19, and the 41st page (number 40) is refused
        List<String> out = new ArrayList<>();
        RecordIterator it = records(alwaysMore(20), PagingPlan.all(0, 1), 1);
        assertThatThrownBy(() -> drainInto(it, out)).isInstanceOf(CallxException.class)
                .hasMessageContaining("kept saying there is more after page 41, while its totals promised 20 pages;");
        assertThat(out).hasSize(40);
    }

    @Test
    void oneZeroNumberedPagePromisedStillHasACeiling() {
        // page 0 is the only one promised: 1 + 10 pages are followed, the 12th refused
        List<String> out = new ArrayList<>();
        RecordIterator it = records(alwaysMore(1), PagingPlan.all(0, 1), 1);
        assertThatThrownBy(() -> drainInto(it, out)).isInstanceOf(CallxException.class)
                .hasMessageContaining("kept saying there is more after page 12, while its totals promised 1 page;");
        assertThat(out).hasSize(11);
    }

    // ---- a server capping the page size, with totals, while calls arrive ----

    @Test
    void callsArrivingWhileACappedServerIsReadInParallelAreNeitherLostNorDuplicated() {
        // asked for 10 a page, the server gives 5 (and counts its pages in 5s): drift is measured in
        // pages of 5, or records slipping between two pages answered out of order would be missed
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(100);
        list.cap = 5;
        CountDownLatch allAsked = new CountDownLatch(4);
        List<CountDownLatch> answered = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            answered.add(new CountDownLatch(1));
        }
        AtomicInteger arrivals = new AtomicInteger();
        list.hook = (page, l) -> {
            try {
                if (page >= 2 && page <= 5 && allAsked.getCount() > 0) {
                    // pages 2..5 all asked, then answered from the last to the first, calls arriving before each
                    allAsked.countDown();
                    assertThat(allAsked.await(10, TimeUnit.SECONDS)).isTrue();
                    if (page < 5) {
                        assertThat(answered.get((int) page + 1).await(10, TimeUnit.SECONDS)).isTrue();
                    }
                    int n = arrivals.incrementAndGet();
                    l.arrive("new" + n + "a", "new" + n + "b", "new" + n + "c");
                }
            } finally {
                answered.get((int) Math.min(page, 40)).countDown();
            }
        };
        List<String> out = drainInto(records(list, PagingPlan.all(1, 10), 4), new ArrayList<>());

        assertThat(out).doesNotHaveDuplicates();
        assertThat(out.stream().filter(id -> !id.startsWith("new")).toList())
                .as("every call that was there when the export began, in order").isEqualTo(PageSourceTest.ids(1, 100));
        assertThat(lastSource.refetches()).as("the gaps were found, in pages of 5, and filled").isPositive();
    }

    // ---- de-duplication remembers the drift ----

    @Test
    void aDriftLargerThanDeduplicationKeepsByDefaultIsStillDeduplicated() {
        // 40,000 calls arrive after page 1: page 41 then repeats page 1's records, 39,000 records after
        // they were handed out, more than twice what de-duplication remembers without a drift
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(2_000);
        list.hasNext = false;
        list.hook = (page, l) -> {
            if (page == 2) {
                String[] burst = new String[40_000];
                for (int i = 0; i < burst.length; i++) {
                    burst[i] = "new" + i;
                }
                if (l.ids.size() == 2_000) {
                    l.arrive(burst);
                }
            }
        };
        List<String> out = drainInto(records(list, PagingPlan.all(1, 1_000), 1), new ArrayList<>());

        // the 2,000 calls there when the export began, and the arrivals from position 1,000 on (page 2
        // and later; the first 1,000 arrived ahead of what page 2 reads)
        assertThat(out).doesNotHaveDuplicates().hasSize(41_000).containsAll(PageSourceTest.ids(1, 2_000));
        assertThat(out.subList(0, 1_000)).isEqualTo(PageSourceTest.ids(1, 1_000));
        assertThat(lastSource.drift()).isEqualTo(40_000);
        assertThat(lastSource.dedupeWindow()).as("3 pages of 1,000 and twice the drift").isEqualTo(83_000);
    }

    // ---- stopping cancels the pages in flight ----

    @Test
    void anEarlyStopInterruptsThePagesStillInFlight() {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(200);
        CountDownLatch interrupted = new CountDownLatch(7);
        CountDownLatch laterAsked = new CountDownLatch(7);
        list.hook = (page, l) -> {
            if (page >= 3) {
                laterAsked.countDown();
                try {
                    // held until cancelled: a request that would never be answered
                    new CountDownLatch(1).await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new IllegalStateException("cancelled");
                }
            }
            if (page == 2) {
                assertThat(laterAsked.await(10, TimeUnit.SECONDS)).as("pages 3..9 in flight").isTrue();
            }
        };
        FetchPool pool = new FetchPool(8);
        pools.add(pool);
        PageSource source = new PageSource(list, PagingPlan.all(1, 10), pool, 8, () -> Long.MAX_VALUE, warnings::add,
                "Test Platform").stopWhen(PageSourceStopTest.holds("c15"));
        RecordIterator it = new RecordIterator(source, PageSourceTest::idOf, "Test Platform", null);
        List<String> out = new ArrayList<>();
        it.forEachRemaining(n -> out.add(idOf(n)));

        assertThat(out).isEqualTo(PageSourceTest.ids(1, 20));
        assertThat(awaitQuietly(interrupted)).as("every page in flight past the stop was cancelled").isTrue();
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- messages count pages from 1 ----

    @Test
    void aRepeatedPageIsNamedCountingFromOneWhenThePlatformNumbersFromZero() {
        // pages 0 and 1 of a server that ignores the page parameter: the second is "page 2" to a person
        PageFetcher same = (page, size) -> new Page(List.of(rec("a"), rec("b")), true, null, null);
        RecordIterator it = records(same, PagingPlan.all(0, 2), 1);
        List<String> out = new ArrayList<>();
        assertThatThrownBy(() -> drainInto(it, out)).isInstanceOf(CallxException.class)
                .hasMessageContaining("returned page 2 with nothing new");
        assertThat(out).containsExactly("a", "b");
    }
}
