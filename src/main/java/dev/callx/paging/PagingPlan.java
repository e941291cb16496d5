package dev.callx.paging;

/**
 * How to walk the pages of one endpoint.
 *
 * @param firstPage  the platform's first page number (1 for Ravan and Vaani, 0 for Zudu)
 * @param startPage  the page to start from ({@code firstPage} unless {@code --page})
 * @param pageSize   records asked for per request
 * @param singlePage fetch {@code startPage} alone ({@code --page}, or an endpoint without paging)
 */
public record PagingPlan(long firstPage, long startPage, int pageSize, boolean singlePage) {
    public PagingPlan {
        if (startPage < firstPage) {
            throw new IllegalArgumentException("startPage " + startPage + " < firstPage " + firstPage);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
    }

    public static PagingPlan all(long firstPage, int pageSize) {
        return new PagingPlan(firstPage, firstPage, pageSize, false);
    }

    public static PagingPlan only(long firstPage, long page, int pageSize) {
        return new PagingPlan(firstPage, page, pageSize, true);
    }
}
