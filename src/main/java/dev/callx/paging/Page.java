package dev.callx.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page as the platform answered it: its records and what it said about the rest.
 * Each paging hint is null when the platform did not give it.
 *
 * @param items       the records, as received
 * @param hasNext     the platform's "has next page" flag
 * @param totalPages  the platform's page count
 * @param total       the platform's record count over all pages
 * @param newestFirst the page itself states that the list is sorted by start time, newest first (Zudu
 *                    echoes its sort); then no later page holds a call newer than this page's
 *                    oldest, and paging may stop at a page older than what is wanted
 */
public record Page(List<JsonNode> items, Boolean hasNext, Long totalPages, Long total, boolean newestFirst) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page that states no order. */
    public Page(List<JsonNode> items, Boolean hasNext, Long totalPages, Long total) {
        this(items, hasNext, totalPages, total, false);
    }

    /** A page that says nothing about what follows. */
    public static Page of(List<JsonNode> items) {
        return new Page(items, null, null, null);
    }
}
