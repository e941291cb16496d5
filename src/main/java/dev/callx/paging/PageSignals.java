package dev.callx.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * What one page says about the pages after it: the stop rules of SPEC section 5 and issue 8.2.
 *
 * <ul>
 *   <li>An empty page ends paging, whatever else it says.</li>
 *   <li>The explicit signals are {@code hasNext}, the page count and the record total. When all
 *       that are present agree, they decide. When they disagree, the one that says more wins,
 *       paging then ends only on an empty page, and the disagreement is reported once.</li>
 *   <li>With no explicit signal, a full page means more; a short page is a {@link Kind#PROBE}: the
 *       next page decides (a server may cap the page size below what was asked).</li>
 *   <li>A negative total or page count is no signal at all (a server's "unknown").</li>
 * </ul>
 */
public final class PageSignals {
    /** What comes after a page. */
    public enum Kind {
        /** This page is the last. */
        END,
        /** More pages follow. */
        MORE,
        /** A short page with no other signal: the next page is fetched, and if it is empty, paging ends. */
        PROBE
    }

    /**
     * @param kind      what follows
     * @param conflict  the signals disagree; a description for the one warning, else null
     * @param lastPage  the last page number the signals promise, or null when they do not tell
     */
    public record Verdict(Kind kind, String conflict, Long lastPage) {
    }

    private PageSignals() {
    }

    /**
     * @param page      the page's number, in the platform's numbering
     * @param content   the page
     * @param positions the records of the list up to and including this page
     * @param plan      the walk
     */
    public static Verdict evaluate(long page, Page content, long positions, PagingPlan plan) {
        return evaluate(page, content, positions, plan, plan.pageSize());
    }

    /**
     * @param pageSize the records a full page holds: what was asked for, or fewer when the server caps
     *                 the page size (then the last page a total promises is counted in those pages)
     */
    public static Verdict evaluate(long page, Page content, long positions, PagingPlan plan, int pageSize) {
        int items = content.items().size();
        long index = page - plan.firstPage() + 1;
        List<String> more = new ArrayList<>();
        List<String> end = new ArrayList<>();
        if (content.hasNext() != null) {
            (content.hasNext() ? more : end).add("has_next is " + content.hasNext());
        }
        Long totalPages = valid(content.totalPages());
        Long total = valid(content.total());
        if (totalPages != null) {
            (index < totalPages ? more : end).add("page " + index + " of " + totalPages);
        }
        if (total != null) {
            (positions < total ? more : end).add(positions + " of " + total + " records received");
        }
        Long lastPage = null;
        if (totalPages != null) {
            lastPage = plan.firstPage() + totalPages - 1;
        }
        if (total != null) {
            long remaining = Math.max(0, total - positions);
            long fromTotal = page + (remaining + pageSize - 1) / pageSize;
            lastPage = lastPage == null ? fromTotal : Math.max(lastPage, fromTotal);
        }
        if (items == 0) {
            String conflict = more.isEmpty() ? null
                    : "page " + index + " was empty while " + String.join(" and ", more);
            return new Verdict(Kind.END, conflict, null);
        }
        if (!more.isEmpty() && !end.isEmpty()) {
            return new Verdict(Kind.MORE, String.join(" and ", end) + ", but " + String.join(" and ", more),
                    null);
        }
        if (!more.isEmpty()) {
            return new Verdict(Kind.MORE, null, lastPage);
        }
        if (!end.isEmpty()) {
            return new Verdict(Kind.END, null, lastPage);
        }
        return new Verdict(items < plan.pageSize() ? Kind.PROBE : Kind.MORE, null, null);
    }

    private static Long valid(Long n) {
        return n == null || n < 0 ? null : n;
    }
}
