package dev.callx.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.error.CallxException;
import dev.callx.http.FetchPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PageSource} and {@link RecordIterator} together, with a fake list behind a thread-safe
 * fetcher: page order whatever the order requests complete in, the exact requests of SPEC 5 and
 * issue 7.2, the stop rules, and drift while pages are in flight.
 */
class PageSourceTest {
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<FetchPool> pools = new ArrayList<>();
    private PageSource lastSource;

    @AfterEach
    void closePools() {
        pools.forEach(FetchPool::close);
    }

    /** A list of records behind a paged API, newest first, in the shape the test chooses. */
    static final class FakeList implements PageFetcher {
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        final List<Long> asked = new java.util.concurrent.CopyOnWriteArrayList<>(); // read while pages are in flight
        /** Which signals each page carries. */
        boolean hasNext = true;
        boolean totals = true;
        /** A server that caps the page size below what was asked (0: no cap). */
        int cap;
        /** Runs before a page is answered: to hold it, or to add calls to the list. */
        volatile PageHook hook = (page, fetcher) -> { };

        interface PageHook {
            void before(long page, FakeList list) throws Exception;
        }

        FakeList(int n) {
            for (int i = 1; i <= n; i++) {
                ids.add("c" + i);
            }
        }

        @Override
        public Page fetch(long page, int pageSize) {
            asked.add(page);
            try {
                hook.before(page, this);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            int size = cap > 0 ? Math.min(cap, pageSize) : pageSize;
            List<JsonNode> items = new ArrayList<>();
            long total;
            synchronized (ids) {
                total = ids.size();
                int from = (int) Math.min(total, (page - 1) * size);
                int to = (int) Math.min(total, from + size);
                for (String id : ids.subList(from, to)) {
                    items.add(rec(id));
                }
            }
            long pages = (total + size - 1) / size;
            return new Page(items, hasNext ? page < pages : null, totals ? pages : null, totals ? total : null);
        }

        /** New calls at the head of the list, as arrive while an export runs. */
        void arrive(String... newIds) {
            synchronized (ids) {
                for (int i = newIds.length - 1; i >= 0; i--) {
                    ids.add(0, newIds[i]);
                }
            }
        }
    }

    static JsonNode rec(String id) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (id != null) {
            n.put("id", id);
        }
        return n;
    }

    static String idOf(JsonNode n) {
        return n.hasNonNull("id") ? n.get("id").asText() : null;
    }

    RecordIterator records(PageFetcher fetcher, PagingPlan plan, int concurrency, long limit, long[] written) {
        FetchPool pool = new FetchPool(concurrency);
        pools.add(pool);
        PageSource source = new PageSource(fetcher, plan, pool, concurrency,
                () -> limit == 0 ? Long.MAX_VALUE : limit - written[0], warnings::add, "Test Platform");
        lastSource = source;
        return new RecordIterator(source, PageSourceTest::idOf, "Test Platform", null);
    }

    List<String> drain(PageFetcher fetcher, PagingPlan plan, int concurrency) {
        return drain(fetcher, plan, concurrency, 0);
    }

    List<String> drain(PageFetcher fetcher, PagingPlan plan, int concurrency, long limit) {
        long[] written = {0};
        RecordIterator it = records(fetcher, plan, concurrency, limit, written);
        List<String> out = new ArrayList<>();
        while ((limit == 0 || written[0] < limit) && it.hasNext()) {
            out.add(idOf(it.next()));
            written[0]++;
        }
        return out;
    }

    static List<String> ids(int from, int to) {
        List<String> l = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            l.add("c" + i);
        }
        return l;
    }

    // ---- order ----

    @Test
    void pagesComeOutInOrderWhenTheyCompleteInReverse() {
        FakeList list = new FakeList(100);
        // pages 2..9 are asked for together; each waits until all eight were asked, and page k is
        // answered only after page k+1 was: they complete last page first
        CountDownLatch allAsked = new CountDownLatch(8);
        List<CountDownLatch> answered = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            answered.add(new CountDownLatch(1));
        }
        list.hook = (page, l) -> {
            if (page >= 2 && page <= 9) {
                allAsked.countDown();
                assertThat(allAsked.await(10, TimeUnit.SECONDS)).as("eight pages in flight at once").isTrue();
                if (page < 9) {
                    assertThat(answered.get((int) page + 1).await(10, TimeUnit.SECONDS)).isTrue();
                }
            }
        };
        FakeList.PageHook hold = list.hook;
        list.hook = (page, l) -> {
            hold.before(page, l);
            answered.get((int) Math.min(page, 12)).countDown();
        };

        assertThat(drain(list, PagingPlan.all(1, 10), 8)).isEqualTo(ids(1, 100));
        assertThat(list.asked).hasSize(10).containsExactlyInAnyOrderElementsOf(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L,
                8L, 9L, 10L));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 32})
    void everyConcurrencyGivesTheSameRecordsInTheSameOrder(int concurrency) {
        FakeList list = new FakeList(1234);
        assertThat(drain(list, PagingPlan.all(1, 50), concurrency)).isEqualTo(ids(1, 1234));
    }

    // ---- exact requests ----

    @Test
    void aKnownTotalIsRequestedExactlyNoPageMore() {
        FakeList list = new FakeList(95);
        drain(list, PagingPlan.all(1, 10), 8);
        assertThat(list.asked).as("pages 1..10 exist; none past them").hasSize(10).doesNotHaveDuplicates()
                .allMatch(p -> p >= 1 && p <= 10);
    }

    @Test
    void aTotalAloneAlsoTellsThePageCount() {
        FakeList list = new FakeList(100);
        list.hasNext = false;
        drain(list, PagingPlan.all(1, 10), 8);
        assertThat(list.asked).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void firstPageAloneFirst() {
        FakeList list = new FakeList(100);
        list.hook = (page, l) -> {
            if (page > 1) {
                assertThat(l.asked).as("page 1 answered before any other is asked for").startsWith(1L);
            }
        };
        drain(list, PagingPlan.all(1, 10), 8);
        assertThat(list.asked.get(0)).isEqualTo(1L);
    }

    @Test
    void withoutAnEndSignalAtMostConcurrencyMinusOnePagesPastTheEnd() {
        FakeList list = new FakeList(95); // pages 1..9 full, 10 short, 11 empty
        list.hasNext = false;
        list.totals = false;
        assertThat(drain(list, PagingPlan.all(1, 10), 8)).isEqualTo(ids(1, 95));
        // the short page 10 is the end if page 11 is empty: 11 is needed; at most 7 past page 11... but never
        // more than concurrency-1 past the last page with records
        assertThat(list.asked).contains(11L).allMatch(p -> p <= 10 + 7);
        assertThat(list.asked).doesNotHaveDuplicates();
    }

    @Test
    void sequentialWithoutAnEndSignalAsksOnlyTheEmptyPageAfterTheShortOne() {
        FakeList list = new FakeList(95);
        list.hasNext = false;
        list.totals = false;
        drain(list, PagingPlan.all(1, 10), 1);
        assertThat(list.asked).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void limitAsksOnlyForThePagesItNeeds(int concurrency) {
        FakeList list = new FakeList(1000);
        assertThat(drain(list, PagingPlan.all(1, 100), concurrency, 150)).isEqualTo(ids(1, 150));
        assertThat(list.asked).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void limitMetOnThePageEndAsksNoMore() {
        FakeList list = new FakeList(1000);
        assertThat(drain(list, PagingPlan.all(1, 100), 8, 300)).isEqualTo(ids(1, 300));
        assertThat(list.asked).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void singlePageIsOneRequest() {
        FakeList list = new FakeList(1000);
        assertThat(drain(list, PagingPlan.only(1, 3, 100), 8)).isEqualTo(ids(201, 300));
        assertThat(list.asked).containsExactly(3L);
    }

    // ---- signals that disagree (issue 8.2) ----

    @Test
    void aServerCappingThePageSizeWithoutTotalsIsReadToTheEmptyPageWithOneWarning() {
        FakeList list = new FakeList(450);
        list.cap = 50;
        list.hasNext = false;
        list.totals = false;
        assertThat(drain(list, PagingPlan.all(1, 100), 8)).isEqualTo(ids(1, 450));
        assertThat(list.asked).contains(10L);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("Test Platform's paging signals disagree",
                "page 1 was shorter than the 100 records asked for, but page 2 brought more");
    }

    @Test
    void hasNextSayingMoreWinsOverATotalReachedAndAnEmptyPageEnds() {
        PageFetcher f = (page, size) -> {
            if (page <= 3) {
                return new Page(List.of(rec("p" + page)), true, null, 1L);
            }
            return new Page(List.of(), true, null, 1L);
        };
        assertThat(drain(f, PagingPlan.all(1, 1), 4)).containsExactly("p1", "p2", "p3");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("1 of 1 records received, but has_next is true");
    }

    @Test
    void aTotalOfMinusOneIsNoSignal() {
        PageFetcher f = (page, size) -> new Page(page <= 3 ? List.of(rec("a" + page), rec("b" + page))
                : List.of(), null, null, -1L);
        assertThat(drain(f, PagingPlan.all(1, 2), 1)).containsExactly("a1", "b1", "a2", "b2", "a3", "b3");
    }

    @Test
    void anEmptyPageWhileTheTotalSaysMoreIsReported() {
        PageFetcher f = (page, size) -> new Page(page == 1 ? List.of(rec("a"), rec("b")) : List.of(), null, null,
                450L);
        assertThat(drain(f, PagingPlan.all(1, 2), 1)).containsExactly("a", "b");
        assertThat(warnings).singleElement().asString().contains("page 2 was empty while 2 of 450 records received; paging ends at the empty page, and the "
                + "export may be missing records");
    }

    // ---- loop guard (issue 8.1) ----

    @Test
    void followingHasNextPastTheTotalsStopsAtTwiceThePagesTheyPromised() {
        // a server that says 10 records in 5 pages, then always has_next true with new ids
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        PageFetcher f = (page, size) -> new Page(List.of(rec("r" + n.incrementAndGet()), rec("r" + n.incrementAndGet())),
                true, 5L, 10L);
        long[] written = {0};
        RecordIterator it = records(f, PagingPlan.all(1, 2), 1, 0, written);
        List<String> out = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                out.add(idOf(it.next()));
            }
        }).isInstanceOf(CallxException.class)
                .satisfies(e -> assertThat(((CallxException) e).exitCode()).isEqualTo(7))
                .hasMessageContaining("kept saying there is more after page 16, while its totals promised 5 pages");
        // 15 pages of 2 written: page 16 is refused, never written
        assertThat(out).hasSize(30);
        assertThat(warnings).singleElement().asString().contains("10 of 10 records received, but has_next is true");
    }

    @Test
    void aServerRepeatingRecordsWithoutIdsEndsWithExit7() {
        PageFetcher f = (page, size) -> {
            ObjectNode r = JsonNodeFactory.instance.objectNode().put("call_summary", "x");
            return new Page(List.of(r), true, null, null);
        };
        long[] written = {0};
        RecordIterator it = records(f, PagingPlan.all(1, 50), 8, 0, written);
        assertThat(it.hasNext()).isTrue();
        it.next();
        assertThatThrownBy(it::hasNext).isInstanceOf(CallxException.class)
                .satisfies(e -> assertThat(((CallxException) e).exitCode()).isEqualTo(7))
                .hasMessageContaining("nothing new")
                .hasMessageContaining("a record without an id, '{\"call_summary\":\"x\"}'");
    }

    @Test
    void aServerWhoseTotalGrowsAPagePerPageWhileRepeatingItsRecordsEndsWithExit7() {
        // every page: the same 10 records, "more to come", and a total one page larger than before
        java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();
        PageFetcher f = (page, size) -> {
            asked.incrementAndGet();
            List<JsonNode> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                items.add(rec("c" + i));
            }
            return new Page(items, true, null, 1000 + (page - 1) * 10L);
        };
        long[] written = {0};
        RecordIterator it = records(f, PagingPlan.all(1, 10), 4, 0, written);
        List<String> out = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                out.add(String.valueOf(idOf(it.next())));
            }
        }).isInstanceOf(CallxException.class)
                .satisfies(e -> assertThat(((CallxException) e).exitCode()).isEqualTo(7))
                .hasMessageContaining("nothing new").hasMessageContaining("id 'c0'");
        assertThat(out).as("each record once").hasSize(10).doesNotHaveDuplicates();
        assertThat(asked.get()).as("bounded: the excused pages and those in flight")
                .isLessThanOrEqualTo(1 + RecordIterator.EXCUSED_PAGES + 1 + 4 * 2L);
    }

    @Test
    void aBurstOfNewCallsExcusesTheRepeatedPagesItCauses() {
        FakeList list = new FakeList(300);
        list.hook = (page, l) -> {
            if (page == 16 && !l.ids.get(0).startsWith("new")) {
                synchronized (l.ids) {
                    // fifteen pages of new calls at the head, at once, after fifteen pages were read: the
                    // fifteen pages read again later bring nothing new, more than EXCUSED_PAGES
                    for (int i = 0; i < 150; i++) {
                        l.ids.add(0, "new" + i);
                    }
                }
            }
        };
        List<String> got = drain(list, PagingPlan.all(1, 10), 1);
        assertThat(got).as("every call there when the export began, once").containsAll(ids(1, 300))
                .doesNotHaveDuplicates();
    }

    @Test
    void aServerRepeatingSomeIdsAndSomeIdlessRecordsEndsWithExit7() {
        PageFetcher f = (page, size) -> new Page(List.of(rec("a"), rec(null)), true, null, null);
        long[] written = {0};
        RecordIterator it = records(f, PagingPlan.all(1, 2), 1, 0, written);
        List<String> out = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                out.add(String.valueOf(idOf(it.next())));
            }
        }).isInstanceOf(CallxException.class).hasMessageContaining("id 'a'");
        assertThat(out).containsExactly("a", "null");
    }

    // ---- drift while pages are in flight (issue 7.3) ----

    @Test
    void callsArrivingWhilePagesAreInFlightAreNeitherLostNorDuplicated() {
        FakeList list = new FakeList(200);
        AtomicInteger arrivals = new AtomicInteger();
        // pages 2..9 are all asked before any is answered; then pages complete from the last to the
        // first, and before each answer three new calls arrive at the head of the list
        CountDownLatch allAsked = new CountDownLatch(8);
        List<CountDownLatch> answered = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            answered.add(new CountDownLatch(1));
        }
        list.hook = (page, l) -> {
            if (page >= 2 && page <= 9 && allAsked.getCount() > 0) {
                allAsked.countDown();
                assertThat(allAsked.await(10, TimeUnit.SECONDS)).isTrue();
                if (page < 9) {
                    assertThat(answered.get((int) page + 1).await(10, TimeUnit.SECONDS)).isTrue();
                }
            }
            if (page <= 12) {
                int n = arrivals.incrementAndGet();
                l.arrive("new" + n + "a", "new" + n + "b", "new" + n + "c");
            }
        };
        FakeList.PageHook hold = list.hook;
        list.hook = (page, l) -> {
            try {
                hold.before(page, l);
            } finally {
                answered.get((int) Math.min(page, 30)).countDown();
            }
        };
        List<String> out = drain(list, PagingPlan.all(1, 10), 8);

        assertThat(out).doesNotHaveDuplicates();
        assertThat(out).as("every call that was there when the export began").containsAll(ids(1, 200));
        Set<String> known = new HashSet<>(list.ids);
        assertThat(known).containsAll(out);
        // the original calls keep their order (newest first)
        List<String> originals = out.stream().filter(id -> !id.startsWith("new")).toList();
        assertThat(originals).isEqualTo(ids(1, 200));
        assertThat(lastSource.refetches()).as("gaps were found and filled").isPositive();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aListGrowingFasterThanAPageBetweenTwoPagesIsNotALoop() {
        FakeList list = new FakeList(100);
        list.hook = (page, l) -> {
            if (page == 3) {
                List<String> burst = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    burst.add("burst" + i);
                }
                l.arrive(burst.toArray(String[]::new));
            }
        };
        List<String> out = drain(list, PagingPlan.all(1, 10), 1);
        assertThat(out).doesNotHaveDuplicates().containsAll(ids(1, 100));
    }

    // ---- errors ----

    @Test
    void aFailedPageFailsTheIteratorAfterThePagesBeforeIt() {
        FakeList list = new FakeList(100);
        list.hook = (page, l) -> {
            if (page == 4) {
                throw new CallxException(6, "page 4 failed");
            }
        };
        long[] written = {0};
        RecordIterator it = records(list, PagingPlan.all(1, 10), 8, 0, written);
        List<String> out = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                out.add(idOf(it.next()));
            }
        }).isInstanceOf(CallxException.class).hasMessage("page 4 failed");
        assertThat(out).as("the pages before the failed one, whole").isEqualTo(ids(1, 30));
    }

    @Test
    void recordsWithAnIdSeenBeforeAreDroppedAndCounted() {
        PageFetcher f = (page, size) -> switch ((int) page) {
            case 1 -> new Page(List.of(rec("a"), rec("b")), true, null, null);
            case 2 -> new Page(List.of(rec("b"), rec("c")), false, null, null);
            default -> throw new AssertionError("page " + page);
        };
        long[] written = {0};
        RecordIterator it = records(f, PagingPlan.all(1, 2), 1, 0, written);
        List<String> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(idOf(it.next()));
        }
        assertThat(out).containsExactly("a", "b", "c");
        assertThat(it.duplicates()).isEqualTo(1);
        assertThat(it.received()).isEqualTo(4);
    }
}
