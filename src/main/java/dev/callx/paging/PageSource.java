package dev.callx.paging;

import dev.callx.error.CallxException;
import dev.callx.http.FetchPool;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The pages of one list, fetched up to {@code window} at a time through the run's {@link FetchPool}
 * and handed out strictly in page order. One engine for every platform: a window of 1 is the
 * sequential walk.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Pages come out in page order; a page is handed out only after every page before it.</li>
 *   <li>The first page is fetched alone. When it tells the total or the page count, no page past
 *       the last it promises is requested (later pages may promise more: a growing list). Where
 *       nothing tells the end, up to {@code window - 1} pages past the end may be requested; they
 *       are discarded, never handed out. A page known to be empty, or the page after a short page
 *       of such a list, bounds what is requested next.</li>
 *   <li>With a demand ({@code --limit}), no more pages are in flight than the records still wanted
 *       can fill; the consumer asks again as records are written.</li>
 *   <li>The stop rules are {@link PageSignals}'; a disagreement of the platform's signals is
 *       reported once through {@code warn}, and paging then ends on the first empty page.</li>
 *   <li>Drift: lists are newest first, so calls arriving while pages are in flight shift records
 *       towards later pages, and a page fetched before the page ahead of it can start past where
 *       that page ended. Pages that report a total show it: the total a page reports, minus the
 *       first page's, is how far the list had shifted when it was fetched. A gap found that way is
 *       filled by fetching the pages that now hold it again, handed out before the page after the
 *       gap ({@link Fetched#refetch()}); what they repeat is for the de-duplication to drop.</li>
 *   <li>Early stop ({@link #stopWhen}): after a page the consumer's rule marks as the last one wanted
 *       (in a list sorted newest first, the first page that reaches back past the window's start:
 *       every later page is older still), nothing more is asked for, and the pages after it already
 *       in flight are cancelled and discarded, never handed out. Gaps left by drift before it are
 *       filled first. The rule is the consumer's; the engine asks it in page order, on the consuming
 *       thread.</li>
 *   <li>Only the thread that calls {@link #next()} touches this object's state, but for the
 *       {@code stopAt} bound, which workers lower as soon as they see an empty page.</li>
 * </ul>
 */
public final class PageSource implements AutoCloseable {
    /** Refetches allowed per gap: a list shifting faster than this is reported, not chased forever. */
    private static final int MAX_REFETCH = 16;

    /**
     * A page as handed out.
     *
     * @param number    its number, in the platform's numbering
     * @param page      its content
     * @param refetch   fetched again to fill a gap left by drift: it repeats records already handed out
     * @param mayRepeat the list shifted so far while it was read that this page holds only records
     *                  handed out already: not a loop
     */
    public record Fetched(long number, Page page, boolean refetch, boolean mayRepeat) {
    }

    private final PageFetcher fetcher;
    private final PagingPlan plan;
    private final FetchPool pool;
    private final int window;
    private final LongSupplier demand;
    private final Consumer<String> warn;
    private final String source;

    private final Map<Long, Future<Page>> inFlight = new TreeMap<>();
    private final Deque<Fetched> ready = new ArrayDeque<>();
    /** Lowest page number known to be past the end, found by a worker: nothing at or above it is asked for. */
    private final AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
    private long nextLaunch;
    private long nextConsume;
    private boolean consumedFirst;
    private boolean done;
    /** The last page the signals promise, or null when they do not tell (then the window is speculative). */
    private Long lastPage;
    /** The last page any count or total ever promised, or -1. */
    private long promised = -1;
    /** The signals disagreed: paging ends on the first empty page only. */
    private boolean untilEmpty;
    private boolean probing;
    private boolean warned;
    /** Records of the list through the last page handed out in order (refetches not counted). */
    private long positions;
    /** Records in a full page: as asked, or as the server caps it (a short first page that is not the last). */
    private int pageSize;
    private final AtomicLong requests = new AtomicLong();
    private long refetches;
    private Predicate<Page> lastWanted = page -> false;
    private Long stoppedAt;

    // drift, in the coordinates of the list as the first page saw it
    private boolean driftUnknown;
    private Long firstTotal;
    private long maxTotal;
    private long coveredTo;

    /**
     * @param window  pages in flight at most (1: one after the other)
     * @param demand  records still wanted beyond those handed out ({@link Long#MAX_VALUE}: all)
     * @param warn    where the one warning about disagreeing signals goes
     * @param source  the platform's name, for messages
     */
    public PageSource(PageFetcher fetcher, PagingPlan plan, FetchPool pool, int window, LongSupplier demand,
                      Consumer<String> warn, String source) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.fetcher = fetcher;
        this.plan = plan;
        this.pool = pool;
        this.window = plan.singlePage() ? 1 : window;
        this.demand = demand;
        this.warn = warn;
        this.source = source;
        this.pageSize = plan.pageSize();
        this.nextLaunch = plan.startPage();
        this.nextConsume = plan.startPage();
    }

    /** The next page in order, or null when paging is over. */
    public Fetched next() {
        while (ready.isEmpty() && !done) {
            advance();
        }
        return ready.poll();
    }

    /**
     * Ends paging after the first page, in page order, that {@code rule} says is the last one wanted
     * (in a list sorted newest first, one that reaches back past the window's start): that page is
     * handed out, no page after it is asked for, and those already in flight are discarded.
     */
    public PageSource stopWhen(Predicate<Page> rule) {
        this.lastWanted = rule;
        return this;
    }

    /** The page after which {@link #stopWhen}'s rule ended paging before the list's end, or null. */
    public Long stoppedAt() {
        return stoppedAt;
    }

    /** Page requests made, refetches included. */
    public long requests() {
        return requests.get();
    }

    /** Pages fetched again to fill a gap left by records shifting. */
    public long refetches() {
        return refetches;
    }

    /** How far the list shifted while it was read, in records, as its totals show (0 when they do not). */
    public long drift() {
        return firstTotal == null ? 0 : maxTotal - firstTotal;
    }

    /** Records a de-duplication must remember to catch every repeat this walk can produce. */
    public long dedupeWindow() {
        return (long) (window + 2) * plan.pageSize() + 2 * drift();
    }

    /** Stops: what is in flight is cancelled and never handed out. */
    @Override
    public void close() {
        done = true;
        inFlight.values().forEach(f -> f.cancel(true));
        inFlight.clear();
    }

    private void advance() {
        launch();
        Future<Page> future = inFlight.remove(nextConsume);
        if (future == null) {
            // nothing more may be asked for: the promised pages are done, or the demand is met
            close();
            return;
        }
        Page page = FetchPool.await(future);
        long number = nextConsume++;
        consume(number, page);
        if (done) {
            close();
        } else {
            launch(); // keep the window full while the consumer works through this page
        }
    }

    private void consume(long number, Page page) {
        int items = page.items().size();
        positions += items;
        if (!consumedFirst && items > 0 && items < plan.pageSize()) {
            // a short first page: the server may cap the page size; if more pages follow, that is the size
            pageSize = items;
        }
        PageSignals.Verdict verdict = PageSignals.evaluate(number, page, positions, plan, pageSize);
        if (!consumedFirst && verdict.kind() == PageSignals.Kind.END) {
            pageSize = plan.pageSize();
        }
        if (verdict.kind() == PageSignals.Kind.MORE && items != pageSize) {
            driftUnknown = true; // pages of uneven size: positions in the list cannot be told from page numbers
        }
        boolean mayRepeat = drift(number, page);
        ready.add(new Fetched(number, page, false, mayRepeat));
        consumedFirst = true;
        if (plan.singlePage()) {
            done = true;
            return;
        }
        if (verdict.conflict() != null && items == 0) {
            warn(verdict.conflict() + "; paging ends at the empty page, and the export may be missing records");
        } else if (verdict.conflict() != null) {
            untilEmpty = true;
            warnOnce(verdict.conflict());
        }
        if (probing && items > 0) {
            // a short page, then more records: the server caps the page size below what was asked
            untilEmpty = true;
            warnOnce("page " + display(number - 1) + " was shorter than the " + plan.pageSize()
                    + " records asked for, but page " + display(number) + " brought more");
        }
        probing = verdict.kind() == PageSignals.Kind.PROBE;
        if (items == 0) {
            done = true;
        } else if (!untilEmpty && verdict.kind() == PageSignals.Kind.END) {
            done = true;
        }
        if (verdict.lastPage() != null) {
            promised = Math.max(promised, verdict.lastPage());
        } else if (verdict.conflict() != null && promised < 0) {
            // the first page already disagrees: its count or total says it is the last, so the ceiling
            // counts from it (without a promise, a server saying "more" forever would be read forever)
            promised = number;
        }
        if (untilEmpty) {
            lastPage = null;
            checkCeiling(number);
        } else if (verdict.lastPage() != null) {
            lastPage = lastPage == null ? verdict.lastPage() : Math.max(lastPage, verdict.lastPage());
        }
        if (!done && items > 0 && lastWanted.test(page)) {
            stoppedAt = number;
            done = true; // advance() closes: what is in flight past this page is cancelled, never handed out
        }
    }

    /**
     * Following has_next past every count and total the platform gave, callx stops at twice the pages
     * they promised (a server that ignores the page parameter and always says there is more would
     * otherwise be read forever; records without ids can make every page look new).
     */
    private void checkCeiling(long number) {
        if (promised < 0) {
            return;
        }
        long allowed = Math.max(2 * (promised - plan.firstPage() + 1), promised - plan.firstPage() + 1 + 10);
        if (display(number) > allowed) {
            close();
            throw CallxException.badResponse(source + " kept saying there is more after page " + display(number)
                    + ", while its totals promised " + (promised - plan.firstPage() + 1) + " page"
                    + (promised == plan.firstPage() ? "" : "s") + "; stopped to avoid a loop. The server may be "
                    + "ignoring the page parameter; run again, and if it persists, report it to the platform");
        }
    }

    /**
     * Checks the page against the records handed out so far, in the coordinates of the list as the
     * first page saw it, and queues the refetches that fill a gap before it.
     *
     * @return whether the page may repeat only records already handed out (the list shifted by a page or more)
     */
    private boolean drift(long number, Page page) {
        Long total = page.total();
        if (total == null || total < 0 || plan.singlePage() || untilEmpty || driftUnknown) {
            return false;
        }
        if (firstTotal == null) {
            firstTotal = total;
            maxTotal = total;
            coveredTo = page.items().size();
            return false;
        }
        maxTotal = Math.max(maxTotal, total);
        long shift = total - firstTotal;
        long start = (number - plan.startPage()) * pageSize - shift;
        if (start > coveredTo) {
            fill(start);
        }
        long end = start + page.items().size();
        boolean mayRepeat = end <= coveredTo;
        coveredTo = Math.max(coveredTo, end);
        return mayRepeat;
    }

    /** Fetches again, in order, the pages that now hold the records from {@code coveredTo} up to {@code upTo}. */
    private void fill(long upTo) {
        long size = pageSize;
        long slot = plan.startPage() + Math.max(0, (coveredTo + (maxTotal - firstTotal)) / size);
        int tries = 0;
        while (coveredTo < upTo) {
            if (++tries > MAX_REFETCH || slot < plan.startPage()) {
                warn.accept("warning: " + source + "'s list shifted faster than callx could read it: up to "
                        + (upTo - coveredTo) + " records before page " + display(nextConsume - 1)
                        + " may be missing; run the export again");
                return;
            }
            requests.incrementAndGet();
            refetches++;
            Page fresh = fetcher.fetch(slot, plan.pageSize());
            if (fresh.total() == null || fresh.items().isEmpty()) {
                warn.accept("warning: " + source + "'s list shifted while it was read, and page " + display(slot)
                        + " fetched again did not say by how much: up to " + (upTo - coveredTo)
                        + " records may be missing; run the export again");
                return;
            }
            maxTotal = Math.max(maxTotal, fresh.total());
            long start = (slot - plan.startPage()) * size - (fresh.total() - firstTotal);
            if (start > coveredTo) {
                slot--; // the list moved on since the estimate: one page back holds the gap's start
                continue;
            }
            ready.add(new Fetched(slot, fresh, true, true));
            coveredTo = Math.max(coveredTo, start + fresh.items().size());
            slot++;
        }
    }

    /** Launches what may be launched: in order, within the window, the promised pages and the demand. */
    private void launch() {
        while (inFlight.size() < window && mayLaunch(nextLaunch)) {
            long number = nextLaunch++;
            inFlight.put(number, pool.submit(() -> {
                requests.incrementAndGet();
                Page page = fetcher.fetch(number, plan.pageSize());
                if (page.items().isEmpty()) {
                    stopAt.accumulateAndGet(number + 1, Math::min);
                }
                return page;
            }));
        }
    }

    private boolean mayLaunch(long number) {
        if (done) {
            return false;
        }
        if (number == plan.startPage()) {
            return true;
        }
        if (plan.singlePage() || !consumedFirst || number >= stopAt.get()) {
            return false;
        }
        if (lastPage != null && number > lastPage) {
            return false; // no page past the last one promised, until a page promises more
        }
        if (probing && !untilEmpty && number > nextConsume) {
            return false; // after a short page, only the next page, which tells whether it was the last
        }
        long wanted = demand.getAsLong();
        for (Fetched f : ready) {
            wanted -= f.page().items().size();
        }
        long ahead = (long) inFlight.size() * plan.pageSize();
        return ahead < wanted;
    }

    private void warnOnce(String what) {
        warn(what + "; following the one that says more, until an empty page");
    }

    private void warn(String what) {
        if (!warned) {
            warned = true;
            warn.accept("warning: " + source + "'s paging signals disagree: " + what);
        }
    }

    /** A page number for people: counted from 1 whatever the platform's numbering. */
    long display(long number) {
        return number - plan.firstPage() + 1;
    }

}
