package dev.callx.paging;

import static dev.callx.paging.PageSourceTest.idOf;
import static dev.callx.paging.PageSourceTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.http.FetchPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drift (issue 7.3, {@link PageSource}'s class doc): calls arriving, or being deleted, while pages
 * are read shift records between pages; a gap the totals show is filled by fetching again the pages
 * that now hold it, handed out before the page after the gap. Each scenario fixes the order in which
 * the pages in flight are answered, so the requests made are exact.
 */
class PageSourceDriftTest {
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<FetchPool> pools = new ArrayList<>();
    /** Each page handed out: number, then r for a refetch, m for a page that may repeat only. */
    private final List<String> handedOut = new ArrayList<>();
    private PageSource source;

    @AfterEach
    void closePools() {
        pools.forEach(FetchPool::close);
    }

    /**
     * A list in which page {@code early}, asked for together with the pages from 2 up to it, is
     * answered first; then {@code arrivals} new calls arrive at the head of the list, and only then
     * are the pages before it answered, as happens when requests complete out of order.
     */
    private static PageFetcher answeredOutOfOrder(PageSourceTest.FakeList list, long early, int arrivals) {
        CountDownLatch earlyAnswered = new CountDownLatch(1);
        Set<Long> asked = Collections.synchronizedSet(new HashSet<>());
        return (page, size) -> {
            boolean first = asked.add(page);
            if (first && page == early) {
                Page answer = list.fetch(page, size);
                String[] arrived = new String[arrivals];
                for (int i = 0; i < arrivals; i++) {
                    arrived[i] = "new" + (i + 1);
                }
                list.arrive(arrived);
                earlyAnswered.countDown();
                return answer;
            }
            if (first && page >= 2 && page < early) {
                try {
                    assertThat(earlyAnswered.await(10, TimeUnit.SECONDS)).as("page " + early + " answered first")
                            .isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return list.fetch(page, size);
        };
    }

    private List<String> drain(PageFetcher fetcher, PagingPlan plan, int window) {
        FetchPool pool = new FetchPool(window);
        pools.add(pool);
        source = new PageSource(fetcher, plan, pool, window, () -> Long.MAX_VALUE, warnings::add, "Test Platform");
        RecordIterator it = new RecordIterator(source, PageSourceTest::idOf, "Test Platform",
                (page, fresh, received) -> handedOut.add(page.number() + (page.refetch() ? "r" : "")
                        + (page.mayRepeat() ? "m" : "")));
        List<String> out = new ArrayList<>();
        it.forEachRemaining(n -> out.add(idOf(n)));
        return out;
    }

    @Test
    void aWholePageOfArrivalsBeforeAnEarlierPageIsAnsweredIsFilledByExactlyOneRefetch() {
        // 40 calls in pages of 10; page 3 is answered, then 10 calls arrive, then page 2 is: page 2 now
        // repeats page 1, and c11..c20 slipped onto page 3 after it was read. Page 3 fetched again
        // holds exactly them; nothing more is fetched again.
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(40);
        List<String> out = drain(answeredOutOfOrder(list, 3, 10), PagingPlan.all(1, 10), 2);

        assertThat(out).isEqualTo(ids(1, 40));
        assertThat(handedOut).as("the refetch of page 3 comes before page 3 itself")
                .containsExactly("1", "2m", "3rm", "3", "4m", "5");
        assertThat(list.asked).hasSize(6).containsExactlyInAnyOrder(1L, 2L, 3L, 3L, 4L, 5L);
        assertThat(source.requests()).isEqualTo(6);
        assertThat(source.refetches()).isEqualTo(1);
        assertThat(source.drift()).isEqualTo(10);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aGapBeforeTheShortLastPageIsFilledToo() {
        // 25 calls: page 3 (c21..c25, the last, short) is answered, then 5 calls arrive, then page 2
        // (now c6..c15): c16..c20 slipped onto page 3 after it was read
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(25);
        List<String> out = drain(answeredOutOfOrder(list, 3, 5), PagingPlan.all(1, 10), 2);

        assertThat(out).isEqualTo(ids(1, 25));
        assertThat(handedOut).containsExactly("1", "2", "3rm", "3m");
        assertThat(list.asked).containsExactlyInAnyOrder(1L, 2L, 3L, 3L);
        assertThat(source.refetches()).isEqualTo(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void withSixteenPagesOfGapEveryOneIsFetchedAgainWithoutAWarning() {
        // pages of 1, 17 in flight: page 18 is answered first, then 16 calls arrive, then pages 2..17 (now
        // new calls and c1): c2..c17 slipped past page 18's read, 16 refetches, as many as a gap may take
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(20);
        List<String> out = drain(answeredOutOfOrder(list, 18, 16), PagingPlan.all(1, 1), 17);

        assertThat(out).doesNotHaveDuplicates();
        assertThat(out.stream().filter(id -> !id.startsWith("new")).toList()).isEqualTo(ids(1, 20));
        assertThat(source.refetches()).isEqualTo(16);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aGapNeedingMoreThanSixteenRefetchesIsReportedNotChasedForever() {
        // as above with 18 in flight and 17 arrivals: c2..c18 slipped past page 19's read; after 16
        // refetches (c2..c17) one record of the gap is still unread
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(20);
        List<String> out = drain(answeredOutOfOrder(list, 19, 17), PagingPlan.all(1, 1), 18);

        assertThat(source.refetches()).isEqualTo(16);
        assertThat(warnings).containsExactly("warning: Test Platform's list shifted faster than callx could read it:"
                + " up to 1 records before page 19 may be missing; run the export again");
        assertThat(out).doesNotHaveDuplicates();
    }

    // ---- calls deleted while the list is read: records shift towards earlier pages ----

    /** Deletes these calls just before page {@code page} is first asked for. */
    private static void deleteBefore(PageSourceTest.FakeList list, long page, String... gone) {
        Set<String> deleted = Set.of(gone);
        list.hook = (p, l) -> {
            if (p == page) {
                synchronized (l.ids) {
                    l.ids.removeIf(deleted::contains);
                }
            }
        };
    }

    @Test
    void aCallDeletedFromAPageAlreadyReadLosesNoRecordOfTheNextPage() {
        // c5 is deleted after page 1 was read: c11 moves onto page 1, and page 2 starts at c12. The total
        // shows it; the page that now holds c11 (one before the estimate) is fetched again
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(30);
        deleteBefore(list, 2, "c5");
        List<String> out = drain(list, PagingPlan.all(1, 10), 1);

        assertThat(out).isEqualTo(ids(1, 30));
        assertThat(handedOut).containsExactly("1", "1rm", "2", "3");
        assertThat(list.asked).containsExactly(1L, 2L, 2L, 1L, 3L);
        assertThat(warnings).isEmpty();
    }

    @Test
    void moreThanAPageDeletedBeforeThePageAfterIsReportedWithHowManyRecordsMayBeMissing() {
        // c1..c11 deleted after page 1 was read: c12..c21 are now on page 1, before any page callx reads
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(40);
        deleteBefore(list, 2, ids(1, 11).toArray(String[]::new));
        List<String> out = drain(list, PagingPlan.all(1, 10), 1);

        assertThat(warnings).containsExactly("warning: Test Platform's list shifted faster than callx could read it:"
                + " up to 11 records before page 2 may be missing; run the export again");
        List<String> expected = new ArrayList<>(ids(1, 10));
        expected.addAll(ids(22, 40));
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void aPageFetchedAgainThatComesBackEmptyIsReported() {
        // c1..c6 deleted after page 1 was read: page 2 is empty, its total six lower, and page 2 fetched
        // again is empty too: it cannot say where the records went
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(15);
        deleteBefore(list, 2, ids(1, 6).toArray(String[]::new));
        List<String> out = drain(list, PagingPlan.all(1, 10), 1);

        assertThat(out).isEqualTo(ids(1, 10));
        assertThat(warnings).containsExactly("warning: Test Platform's list shifted while it was read, and page 2"
                + " fetched again did not say by how much: up to 6 records may be missing; run the export again");
        assertThat(list.asked).containsExactly(1L, 2L, 2L);
    }
}
