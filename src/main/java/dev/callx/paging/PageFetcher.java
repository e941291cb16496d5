package dev.callx.paging;

/**
 * Fetches one page. Kept apart from {@link Pager}, which decides which page comes next and
 * emits records, so that fetching can later run ahead of emitting.
 */
@FunctionalInterface
public interface PageFetcher {
    /**
     * @param page     the page number in the platform's own numbering
     * @param pageSize the records asked for
     * @throws dev.callx.error.CallxException when the page cannot be had
     */
    Page fetch(long page, int pageSize);
}
