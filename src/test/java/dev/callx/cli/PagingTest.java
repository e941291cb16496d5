package dev.callx.cli;

import static dev.callx.testing.Api.json;
import static dev.callx.testing.ApiPages.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Item 3: auto-paging through the CLI against a mock server (SPEC section 5, issues 7.2 and 8.2).
 * Every stop rule is checked by the number of requests made and the records written. Each page is
 * answered by its page number, whatever order the requests of the parallel engine arrive in; the
 * server answers any request nobody scripted with an error at once, so one page too many fails the
 * run as well as the count, and the test names that request. Where nothing tells the end in
 * advance (no total, no page count), up to concurrency-1 pages past the end may be asked for: those
 * tests script {@link #beyond} and bound the count.
 */
class PagingTest {
    static final String PHONE = "+14155550100";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    static CallxRunner callx() {
        return CallxRunner.callx().env("RAVAN_API_KEY", "rk-secret-0001").env("VAANI_API_KEY", "vk-secret-0003")
                .env("ZUDU_API_KEY", "zk-key-0004").env("ZUDU_API_SECRET", "zs-secret-0005");
    }

    /** Runs a command against the mock server, writing one id per line. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--base-url", server.baseUrl(), "-o", "csv", "--fields", "id",
                "--no-header"));
        return callx().run(all.toArray(String[]::new));
    }

    /** The command's first page number: 0 for Zudu. */
    int firstPage = 1;

    /** Scripts the pages in order from the first: each answers the request for its page number. */
    void enqueue(String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            server.whenQuery("page", String.valueOf(firstPage + i)).respondJson(bodies[i]);
        }
    }

    /** Answers any other page with {@code body}: for lists where nothing tells the end in advance. */
    void beyond(String body) {
        server.when(q -> q.getUrl().queryParameter("page") != null, "any page past those scripted")
                .answer(q -> json(body));
    }

    /** The pages asked for, whatever order they came in. */
    List<Integer> pagesAsked() {
        return server.sent("page").stream().map(Integer::parseInt).sorted().toList();
    }

    /** The requests made, in order; call after the run. */
    List<RecordedRequest> requests() {
        return server.requests();
    }

    /** The value of one query parameter in each request, in order. */
    List<String> sent(String param) {
        return server.sent(param);
    }

    static void assertOk(Result r, List<String> written) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactlyElementsOf(written);
    }

    @Nested
    class PhoneHistory {
        @Test
        void pagesFromOneWithPageSizeUntilTotalCountIsReached() throws Exception {
            enqueue(ApiPages.phoneHistory(5L, 1, 2, ids("p", 1, 2)),
                    ApiPages.phoneHistory(5L, 2, 2, ids("p", 3, 4)),
                    ApiPages.phoneHistory(5L, 3, 2, ids("p", 5, 5)));
            Result r = run("phone-history", PHONE, "--page-size", "2");

            assertOk(r, ids("p", 1, 5));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
            List<RecordedRequest> reqs = requests();
            assertThat(pagesAsked()).containsExactly(1, 2, 3);
            assertThat(reqs).extracting(q -> q.getUrl().queryParameter("page_size")).containsOnly("2");
        }

        /** Page 2 is full, so only total_count says it is the last. */
        @Test
        void stopsWhenRecordsSeenReachTotalCountOnAFullPage() throws Exception {
            enqueue(ApiPages.phoneHistory(4L, 1, 2, ids("p", 1, 2)),
                    ApiPages.phoneHistory(4L, 2, 2, ids("p", 3, 4)));
            Result r = run("phone-history", PHONE, "--page-size", "2");

            assertOk(r, ids("p", 1, 4));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }

        /** Asked for 100, the server gives 2 a page: total_count says more remain, so paging goes on. */
        @Test
        void aServerThatCapsThePageSizeIsPagedToTheEnd() throws Exception {
            enqueue(ApiPages.phoneHistory(5L, 1, 2, ids("p", 1, 2)),
                    ApiPages.phoneHistory(5L, 2, 2, ids("p", 3, 4)),
                    ApiPages.phoneHistory(5L, 3, 2, ids("p", 5, 5)));
            Result r = run("phone-history", PHONE);

            assertOk(r, ids("p", 1, 5));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
            assertThat(sent("page_size")).containsOnly("100");
        }

        @Test
        void pageFetchesThatPageAlone() throws Exception {
            server.enqueueJson(ApiPages.phoneHistory(500L, 3, 100, ids("p", 201, 300)));
            Result r = run("phone-history", PHONE, "--page", "3");

            assertOk(r, ids("p", 201, 300));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
            assertThat(sent("page")).containsExactly("3");
        }

        @Test
        void emptyPageEndsPagingEvenIfTotalSaysMore() throws Exception {
            enqueue(ApiPages.phoneHistory(10L, 1, 2, ids("p", 1, 2)),
                    ApiPages.phoneHistory(10L, 2, 2, List.of()));
            Result r = run("phone-history", PHONE, "--page-size", "2", "--concurrency", "1");

            assertOk(r, ids("p", 1, 2));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
            assertThat(r.errLines()).hasSize(2).first().isEqualTo("callx phone-history: warning: Ravan AI's "
                    + "paging signals disagree: page 2 was empty while 2 of 10 records received; paging ends at the "
                    + "empty page, and the export may be missing records");
            assertThat(r.errLines().get(1)).startsWith("callx phone-history: wrote 2 records (");
        }
    }

    @Nested
    class Sessions {
        /** No total: a page shorter than page_size is the last when the page after it is empty (issue 8.2). */
        @Test
        void shortPageIsTheLastWhenTheNextIsEmpty() throws Exception {
            enqueue(ApiPages.sessions(ids("s", 1, 3)), ApiPages.sessions(ids("s", 4, 6)),
                    ApiPages.sessions(ids("s", 7, 7)), ApiPages.sessions(List.of()));
            Result r = run("sessions", "--page-size", "3", "--concurrency", "1");

            assertOk(r, ids("s", 1, 7));
            assertThat(pagesAsked()).as(r.toString()).containsExactly(1, 2, 3, 4);
            assertThat(requests()).extracting(q -> q.getUrl().queryParameter("page_size")).containsOnly("3");
            assertThat(r.err()).doesNotContain("disagree");
        }

        /** In parallel, at most concurrency-1 pages past the last page with records are asked for. */
        @Test
        void inParallelAtMostConcurrencyMinusOnePagesPastTheEnd() throws Exception {
            enqueue(ApiPages.sessions(ids("s", 1, 3)), ApiPages.sessions(ids("s", 4, 6)),
                    ApiPages.sessions(ids("s", 7, 7)));
            beyond(ApiPages.sessions(List.of()));
            Result r = run("sessions", "--page-size", "3", "--concurrency", "4");

            assertOk(r, ids("s", 1, 7));
            assertThat(pagesAsked()).as(r.toString()).startsWith(1, 2, 3, 4).doesNotHaveDuplicates()
                    .allMatch(p -> p <= 3 + 3);
            assertThat(r.err()).doesNotContain("disagree");
        }

        /** A server that caps page_size below what was asked, with no total: read to the empty page, with a warning. */
        @Test
        void aServerCappingThePageSizeWithoutATotalIsReadToTheEnd() throws Exception {
            enqueue(ApiPages.sessions(ids("s", 1, 50)), ApiPages.sessions(ids("s", 51, 100)),
                    ApiPages.sessions(ids("s", 101, 130)));
            beyond(ApiPages.sessions(List.of()));
            Result r = run("sessions", "--concurrency", "1");

            assertOk(r, ids("s", 1, 130));
            assertThat(pagesAsked()).containsExactly(1, 2, 3, 4);
            assertThat(r.errLines()).filteredOn(l -> l.contains("paging signals disagree")).singleElement()
                    .asString().contains("page 1 was shorter than the 100 records asked for, but page 2 brought more");
        }

        @Test
        void emptyPageIsTheLast() throws Exception {
            enqueue(ApiPages.sessions(ids("s", 1, 3)), ApiPages.sessions(List.of()));
            Result r = run("sessions", "--page-size", "3", "--concurrency", "1");

            assertOk(r, ids("s", 1, 3));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }

        @Test
        void defaultPageSizeIs100AndAFullPageAsksForTheNext() throws Exception {
            enqueue(ApiPages.sessions(ids("s", 1, 100)), ApiPages.sessions(ids("s", 101, 150)),
                    ApiPages.sessions(List.of()));
            Result r = run("sessions", "--concurrency", "1");

            assertOk(r, ids("s", 1, 150));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
            assertThat(sent("page_size")).containsExactly("100", "100", "100");
        }

        /** The second shape: {data: [...], meta: {total}}; page 2 is full, only meta.total ends paging. */
        @Test
        void secondShapeStopsWhenRecordsSeenReachMetaTotal() throws Exception {
            enqueue(ApiPages.sessionsMeta(4L, 2, 0, ids("s", 1, 2)), ApiPages.sessionsMeta(4L, 2, 2, ids("s", 3, 4)));
            Result r = run("sessions", "--page-size", "2");

            assertOk(r, ids("s", 1, 4));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }

        @Test
        void secondShapeWithCappedPagesGoesOnUntilMetaTotal() throws Exception {
            enqueue(ApiPages.sessionsMeta(5L, 2, 0, ids("s", 1, 2)), ApiPages.sessionsMeta(5L, 2, 2, ids("s", 3, 4)),
                    ApiPages.sessionsMeta(5L, 2, 4, ids("s", 5, 5)));
            Result r = run("sessions", "--page-size", "10");

            assertOk(r, ids("s", 1, 5));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
            assertThat(pagesAsked()).containsExactly(1, 2, 3);
        }

        @Test
        void limitMetOnAFullPageRequestsNoMore() throws Exception {
            enqueue(ApiPages.sessions(ids("s", 1, 5)));
            Result r = run("sessions", "--page-size", "5", "--limit", "5");

            assertOk(r, ids("s", 1, 5));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
        }
    }

    @Nested
    class Vaani {
        /** has_next false on a page where the totals agree ends paging. */
        @Test
        void hasNextFalseIsTheLast() throws Exception {
            enqueue(ApiPages.vaani(1, 2, 4L, 2L, true, ids("v", 1, 2)),
                    ApiPages.vaani(2, 2, 4L, 2L, false, ids("v", 3, 4)));
            Result r = run("vaani", "--page-size", "2");

            assertOk(r, ids("v", 1, 4));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
            assertThat(pagesAsked()).containsExactly(1, 2);
            assertThat(requests()).extracting(q -> q.getUrl().queryParameter("page_size")).containsOnly("2");
        }

        /**
         * total_count and total_pages say much more while has_next says none (issue 8.2): the signal that
         * says more wins, paging ends on the first empty page, and one warning says the signals disagree.
         */
        @Test
        void hasNextFalseWhileTheTotalsSayMoreGoesOnToTheEmptyPageWithOneWarning() throws Exception {
            enqueue(ApiPages.vaani(1, 2, 100L, 50L, true, ids("v", 1, 2)),
                    ApiPages.vaani(2, 2, 100L, 50L, false, ids("v", 3, 4)),
                    ApiPages.vaani(3, 2, 100L, 50L, false, ids("v", 5, 6)),
                    ApiPages.vaani(4, 2, 100L, 50L, false, List.of()));
            Result r = run("vaani", "--page-size", "2", "--concurrency", "1");

            assertOk(r, ids("v", 1, 6));
            assertThat(pagesAsked()).containsExactly(1, 2, 3, 4);
            assertThat(r.errLines()).filteredOn(l -> l.contains("disagree")).containsExactly("callx vaani: warning: "
                    + "Vaani Voice's paging signals disagree: has_next is false, but page 2 of 50 and 4 of 100 "
                    + "records received; following the one that says more, until an empty page");
        }

        @Test
        void pageReachingTotalPagesIsTheLast() throws Exception {
            enqueue(ApiPages.vaani(1, 2, null, 2L, null, ids("v", 1, 2)),
                    ApiPages.vaani(2, 2, null, 2L, null, ids("v", 3, 4)));
            Result r = run("vaani", "--page-size", "2");

            assertOk(r, ids("v", 1, 4));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }

        @Test
        void documentedPaginationWalkedToTheEnd() throws Exception {
            enqueue(ApiPages.vaani(1, 2, 5L, 3L, true, ids("v", 1, 2)),
                    ApiPages.vaani(2, 2, 5L, 3L, true, ids("v", 3, 4)),
                    ApiPages.vaani(3, 2, 5L, 3L, false, ids("v", 5, 5)));
            Result r = run("vaani", "--page-size", "2");

            assertOk(r, ids("v", 1, 5));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
            assertThat(pagesAsked()).containsExactly(1, 2, 3);
        }

        @Test
        void emptyPageIsTheLastEvenWithHasNextTrue() throws Exception {
            enqueue(ApiPages.vaani(1, 2, null, null, true, ids("v", 1, 2)),
                    ApiPages.vaani(2, 2, null, null, true, List.of()));
            Result r = run("vaani", "--page-size", "2", "--concurrency", "1");

            assertOk(r, ids("v", 1, 2));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }

        /** Asked for 200 (the default), the server gives 2 a page but says has_next: all pages are read. */
        @Test
        void aServerThatCapsThePageSizeIsPagedToTheEnd() throws Exception {
            enqueue(ApiPages.vaani(1, 2, 6L, 3L, true, ids("v", 1, 2)),
                    ApiPages.vaani(2, 2, 6L, 3L, true, ids("v", 3, 4)),
                    ApiPages.vaani(3, 2, 6L, 3L, false, ids("v", 5, 6)));
            Result r = run("vaani");

            assertOk(r, ids("v", 1, 6));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
            assertThat(sent("page_size")).containsOnly("200");
        }

        @Test
        void cappedPagesWithOnlyHasNextAreAllRead() throws Exception {
            enqueue(ApiPages.vaani(1, 2, null, null, true, ids("v", 1, 2)),
                    ApiPages.vaani(2, 2, null, null, false, ids("v", 3, 4)));
            beyond(ApiPages.vaani(3, 2, null, null, false, ids("v", 99, 99)));
            Result r = run("vaani", "--page-size", "50");

            // has_next alone tells one page at a time: pages ahead may be asked for, never written
            assertOk(r, ids("v", 1, 4));
            assertThat(pagesAsked()).as(r.toString()).startsWith(1, 2).allMatch(p -> p <= 2 + 7);
        }

        @Test
        void limitInTheSecondPageRequestsNoThird() throws Exception {
            enqueue(ApiPages.vaani(1, 2, 100L, 50L, true, ids("v", 1, 2)),
                    ApiPages.vaani(2, 2, 100L, 50L, true, ids("v", 3, 4)));
            Result r = run("vaani", "--page-size", "2", "--limit", "3");

            assertOk(r, ids("v", 1, 3));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }

        /** Lazy paging: the limit is met by the last record of page 1, and page 2 is never asked for. */
        @ParameterizedTest
        @ValueSource(strings = {"-n", "--limit"})
        void limitMetAtThePageEndRequestsNoMore(String option) throws Exception {
            enqueue(ApiPages.vaani(1, 2, 100L, 50L, true, ids("v", 1, 2)));
            Result r = run("vaani", "--page-size", "2", option, "2");

            assertOk(r, ids("v", 1, 2));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
        }

        @Test
        void pageFetchesThatPageAloneInItsNumbering() throws Exception {
            server.enqueueJson(ApiPages.vaani(3, 200, 1028L, 6L, true, ids("v", 401, 600)));
            Result r = run("vaani", "--page", "3");

            assertOk(r, ids("v", 401, 600));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
            RecordedRequest req = requests().get(0);
            assertThat(req.getUrl().queryParameter("page")).isEqualTo("3");
            assertThat(req.getUrl().queryParameter("page_size")).isEqualTo("200");
        }

        @Test
        void pageWithPageSizeSendsBoth() throws Exception {
            server.enqueueJson(ApiPages.vaani(2, 10, 100L, 10L, true, ids("v", 11, 20)));
            Result r = run("vaani", "--page", "2", "--page-size", "10");

            assertOk(r, ids("v", 11, 20));
            RecordedRequest req = requests().get(0);
            assertThat(req.getUrl().queryParameter("page")).isEqualTo("2");
            assertThat(req.getUrl().queryParameter("page_size")).isEqualTo("10");
        }

        @Test
        void pageWithLimitStopsWithinThePage() throws Exception {
            server.enqueueJson(ApiPages.vaani(2, 200, 1028L, 6L, true, ids("v", 201, 400)));
            Result r = run("vaani", "--page", "2", "--limit", "3");

            assertOk(r, ids("v", 201, 203));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
        }
    }

    @Nested
    class Zudu {
        @org.junit.jupiter.api.BeforeEach
        void zeroBased() {
            firstPage = 0;
        }

        /** Pages count from 0 and the size goes as limit; has_next_page false alone ends paging. */
        @Test
        void pagesFromZeroWithLimitUntilHasNextPageFalse() throws Exception {
            enqueue(ApiPages.zudu(0, 2, 4L, 2L, true, ids("z", 1, 2)),
                    ApiPages.zudu(1, 2, 4L, 2L, false, ids("z", 3, 4)));
            Result r = run("calls", "--page-size", "2");

            assertOk(r, ids("z", 1, 4));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
            List<RecordedRequest> reqs = requests();
            assertThat(pagesAsked()).containsExactly(0, 1);
            assertThat(reqs).extracting(q -> q.getUrl().queryParameter("limit")).containsOnly("2");
            assertThat(reqs).extracting(q -> q.getUrl().queryParameter("page_size")).containsOnly((String) null);
        }

        /** total_pages 2 means pages 0 and 1. */
        @Test
        void pageReachingTotalPagesIsTheLastCountingFromZero() throws Exception {
            enqueue(ApiPages.zudu(0, 2, null, 2L, null, ids("z", 1, 2)),
                    ApiPages.zudu(1, 2, null, 2L, null, ids("z", 3, 4)));
            Result r = run("calls", "--page-size", "2");

            assertOk(r, ids("z", 1, 4));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
            assertThat(pagesAsked()).containsExactly(0, 1);
        }

        @Test
        void documentedPaginationWalkedToTheEnd() throws Exception {
            enqueue(ApiPages.zudu(0, 2, 5L, 3L, true, ids("z", 1, 2)),
                    ApiPages.zudu(1, 2, 5L, 3L, true, ids("z", 3, 4)),
                    ApiPages.zudu(2, 2, 5L, 3L, false, ids("z", 5, 5)));
            Result r = run("calls", "--page-size", "2");

            assertOk(r, ids("z", 1, 5));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
            assertThat(pagesAsked()).containsExactly(0, 1, 2);
        }

        /** The variant with {@code total} and no has_next_page: page 1 is full, only total ends paging. */
        @Test
        void totalVariantStopsWhenRecordsSeenReachTotal() throws Exception {
            enqueue(ApiPages.zuduTotalVariant(0, 2, 4, ids("z", 1, 2)),
                    ApiPages.zuduTotalVariant(1, 2, 4, ids("z", 3, 4)));
            Result r = run("calls", "--page-size", "2");

            assertOk(r, ids("z", 1, 4));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }

        @Test
        void totalVariantWithCappedPagesGoesOnUntilTotal() throws Exception {
            enqueue(ApiPages.zuduTotalVariant(0, 2, 5, ids("z", 1, 2)),
                    ApiPages.zuduTotalVariant(1, 2, 5, ids("z", 3, 4)),
                    ApiPages.zuduTotalVariant(2, 2, 5, ids("z", 5, 5)));
            Result r = run("calls");

            assertOk(r, ids("z", 1, 5));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
            assertThat(sent("limit")).containsOnly("100");
        }

        @Test
        void aServerThatCapsTheLimitIsPagedToTheEnd() throws Exception {
            enqueue(ApiPages.zudu(0, 20, 50L, 3L, true, ids("z", 1, 20)),
                    ApiPages.zudu(1, 20, 50L, 3L, true, ids("z", 21, 40)),
                    ApiPages.zudu(2, 20, 50L, 3L, false, ids("z", 41, 50)));
            Result r = run("calls");

            assertOk(r, ids("z", 1, 50));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
        }

        @Test
        void emptyPageIsTheLast() throws Exception {
            enqueue(ApiPages.zudu(0, 2, null, null, true, ids("z", 1, 2)),
                    ApiPages.zudu(1, 2, null, null, true, List.of()));
            Result r = run("calls", "--page-size", "2", "--concurrency", "1");

            assertOk(r, ids("z", 1, 2));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }

        @Test
        void limitMetAtThePageEndRequestsNoMore() throws Exception {
            enqueue(ApiPages.zudu(0, 3, 100L, 34L, true, ids("z", 1, 3)));
            Result r = run("calls", "--page-size", "3", "--limit", "3");

            assertOk(r, ids("z", 1, 3));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "2"})
        void pageFetchesThatPageAloneCountingFromZero(String page) throws Exception {
            server.enqueueJson(ApiPages.zudu(Long.parseLong(page), 100, 1000L, 10L, true, ids("z", 1, 100)));
            Result r = run("calls", "--page", page);

            assertOk(r, ids("z", 1, 100));
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
            RecordedRequest req = requests().get(0);
            assertThat(req.getUrl().queryParameter("page")).isEqualTo(page);
            assertThat(req.getUrl().queryParameter("limit")).isEqualTo("100");
        }
    }

    // ---- rules shared by every paged command ----

    /** Below the platform's first page: exit 2, nothing requested. */
    @ParameterizedTest
    @CsvSource({"calls, -1", "vaani, 0", "sessions, 0", "phone-history, 0", "vaani, -3"})
    void pageBelowTheFirstIsAUsageError(String command, String page) {
        Result r = command.equals("phone-history") ? run(command, PHONE, "--page", page)
                : run(command, "--page", page);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("--page");
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    /** Above the documented maximum (phone-history 100, vaani 200): exit 2, nothing requested. */
    @ParameterizedTest
    @CsvSource({"phone-history, 101, 100", "vaani, 201, 200", "vaani, 1000, 200"})
    void pageSizeAboveTheDocumentedMaximumIsAUsageError(String command, String size, String max) {
        Result r = command.equals("phone-history") ? run(command, PHONE, "--page-size", size)
                : run(command, "--page-size", size);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("--page-size").contains(max);
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"phone-history, 0", "sessions, 0", "vaani, -1", "calls, 0"})
    void pageSizeBelowOneIsAUsageError(String command, String size) {
        Result r = command.equals("phone-history") ? run(command, PHONE, "--page-size", size)
                : run(command, "--page-size", size);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    /** The default is the documented maximum, or 100 where none is documented; --page-size N is sent as is. */
    @ParameterizedTest(name = "{0} {1}: {2}={3}")
    @CsvSource({
            "phone-history, '',             page_size, 100",
            "phone-history, --page-size 50, page_size, 50",
            "phone-history, --page-size 100, page_size, 100",
            "sessions,      '',             page_size, 100",
            "sessions,      --page-size 50, page_size, 50",
            "sessions,      --page-size 500, page_size, 500",
            "vaani,         '',             page_size, 200",
            "vaani,         --page-size 50, page_size, 50",
            "vaani,         --page-size 200, page_size, 200",
            "calls,         '',             limit,     100",
            "calls,         --page-size 50, limit,     50",
            "calls,         --page-size 500, limit,    500"})
    void pageSizeSent(String command, String option, String param, String expected) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        if (command.equals("phone-history")) {
            args.add(PHONE);
        }
        if (!option.isEmpty()) {
            args.addAll(List.of(option.split(" ")));
        }
        firstPage = command.equals("calls") ? 0 : 1;
        enqueue(lastPage(command, List.of("r1")));
        if (command.equals("sessions")) {
            enqueue(lastPage(command, List.of("r1")), ApiPages.sessions(List.of())); // a short page: the next tells
        }
        Result r = run(args.toArray(String[]::new));

        assertOk(r, List.of("r1"));
        int requests = command.equals("sessions") ? 2 : 1;
        assertThat(server.requestCount()).as(r.toString()).isEqualTo(requests);
        assertThat(sent(param)).containsOnly(expected).hasSize(requests);
    }

    /** A body with the given records that every paging hint marks as the last. */
    static String lastPage(String command, List<String> ids) {
        long n = ids.size();
        return switch (command) {
            case "phone-history" -> ApiPages.phoneHistory(n, 1, 100, ids);
            case "sessions" -> ApiPages.sessions(ids);
            case "vaani" -> ApiPages.vaani(1, 200, n, 1L, false, ids);
            case "calls" -> ApiPages.zudu(0, 100, n, 1L, false, ids);
            case "contact-calls" -> ApiPages.contactCalls(ids);
            default -> throw new IllegalArgumentException(command);
        };
    }

    /** Page 2 repeats page 1 while saying more remain: exit 7 naming the platform, not a loop. */
    @ParameterizedTest
    @CsvSource({"phone-history, Ravan AI", "sessions, Ravan AI", "vaani, Vaani Voice", "calls, Zudu AI"})
    void aPageOfOnlySeenRecordsIsAPageLoop(String command, String platform) throws Exception {
        List<String> same = ids("x", 1, 2);
        String page = switch (command) {
            case "phone-history" -> ApiPages.phoneHistory(100L, 1, 2, same);
            case "sessions" -> ApiPages.sessions(same);
            case "vaani" -> ApiPages.vaani(1, 2, 100L, 50L, true, same);
            default -> ApiPages.zudu(0, 2, 100L, 50L, true, same);
        };
        firstPage = command.equals("calls") ? 0 : 1;
        beyond(page);
        Result r = command.equals("phone-history") ? run(command, PHONE, "--page-size", "2")
                : run(command, "--page-size", "2");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.err()).as(r.toString()).contains(platform).contains("loop")
                .contains("nothing new: every record was already received (id 'x1' among them)");
        assertThat(r.outLines()).containsExactly("x1", "x2");
        // page 1 alone; then 8 in flight, and one more launched as page 2 is taken, before its records show the loop
        assertThat(server.requestCount()).as("page 1, then at most 8 in flight").isBetween(2, 10);
    }

    /** Records shift between pages while calls arrive: each id is written once; -v says how many were dropped. */
    @Test
    void recordsRepeatedAcrossPagesAreWrittenOnce() throws Exception {
        enqueue(ApiPages.vaani(1, 2, 6L, 3L, true, List.of("v1", "v2")),
                ApiPages.vaani(2, 2, 6L, 3L, true, List.of("v2", "v3")),
                ApiPages.vaani(3, 2, 6L, 3L, false, List.of("v3", "v4")));
        Result r = run("vaani", "--page-size", "2", "-v");

        assertOk(r, List.of("v1", "v2", "v3", "v4"));
        assertThat(server.requestCount()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("dropped 2 duplicate records");
    }

    @Test
    void duplicatesAreDroppedQuietlyWithoutVerbose() throws Exception {
        firstPage = 0;
        enqueue(ApiPages.zudu(0, 2, 4L, 2L, true, List.of("z1", "z2")),
                ApiPages.zudu(1, 2, 4L, 2L, false, List.of("z2", "z3")));
        Result r = run("calls", "--page-size", "2");

        assertOk(r, List.of("z1", "z2", "z3"));
        // the summary line counts them (issue 9.4); the detail is for -v
        assertThat(r.errLines()).as(r.toString()).singleElement().asString()
                .startsWith("callx calls: wrote 3 records (4 received, 1 duplicate dropped, 2 requests, 0 retries, ");
    }

    /** A limit counts records written, not duplicates dropped. */
    @Test
    void limitCountsRecordsWrittenAfterDeDuplication() throws Exception {
        enqueue(ApiPages.sessions(List.of("s1", "s2")), ApiPages.sessions(List.of("s2", "s3")));
        Result r = run("sessions", "--page-size", "2", "--limit", "3");
        // the limit leaves room for one more record after page 1: one page is asked for, not the window

        assertOk(r, List.of("s1", "s2", "s3"));
        assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
    }

    // ---- contact-calls: one response, no paging ----

    @Test
    void contactCallsMakesExactlyOneRequest() throws Exception {
        server.enqueueJson(ApiPages.contactCalls(ids("c", 1, 3)));
        Result r = run("contact-calls", "ct_0001");

        assertOk(r, ids("c", 1, 3));
        assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
        assertThat(requests().get(0).getUrl().querySize()).isZero();
    }

    @Test
    void contactCallsWithLimitStopsWithinTheResponse() throws Exception {
        server.enqueueJson(ApiPages.contactCalls(ids("c", 1, 3)));
        Result r = run("contact-calls", "ct_0001", "--limit", "2");

        assertOk(r, ids("c", 1, 2));
        assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"--page, 1", "--page, 2", "--page-size, 10"})
    void contactCallsRefusesPagingOptions(String option, String value) {
        Result r = run("contact-calls", "ct_0001", option, value);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains(option);
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }
}
