package dev.callx.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.error.CallxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A lazy iterator over the records of all pages, in the manner of hub4j's PagedIterator:
 * the next page is fetched only when the records of the current one are used up, so a
 * consumer that stops early (--limit) causes no further request.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Records come out in the order received; a record whose id was already emitted is
 *       dropped and counted in {@link #duplicates()} (records shift between pages while new
 *       calls arrive). Records without an id are never de-duplicated.</li>
 *   <li>Paging stops at the first of: the platform says there is no next page
 *       ({@code hasNext} false, the page count reached, or records received &gt;= total);
 *       an empty page; a page shorter than asked for when the platform gave no paging hint
 *       that more remain; after one page in single-page mode.</li>
 *   <li>A page whose records all carry ids already seen ends paging with exit 7 instead of
 *       looping.</li>
 * </ul>
 * Not thread safe.
 */
public final class Pager implements Iterator<JsonNode> {
    /** Told about each page fetched (progress, verbose log). */
    public interface Listener {
        /**
         * @param fresh    the page's records not seen before
         * @param received the records received so far, this page's included
         */
        void onPage(long page, Page content, int fresh, long received);
    }

    private final PageFetcher fetcher;
    private final PagingPlan plan;
    private final Function<JsonNode, String> idOf;
    private final String source;
    private final Listener listener;

    private final Deque<JsonNode> buffer = new ArrayDeque<>();
    private final IdSet seen = new IdSet();
    private long nextPage;
    private boolean done;
    private long received;
    private long duplicates;
    private long pages;

    /**
     * @param source names the platform in error messages ("Vaani Voice")
     */
    public Pager(PageFetcher fetcher, PagingPlan plan, Function<JsonNode, String> idOf, String source,
                 Listener listener) {
        this.fetcher = fetcher;
        this.plan = plan;
        this.idOf = idOf;
        this.source = source;
        this.listener = listener;
        this.nextPage = plan.startPage();
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !done) {
            fetchNext();
        }
        return !buffer.isEmpty();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.removeFirst();
    }

    /** Records received from the platform, duplicates included. */
    public long received() {
        return received;
    }

    /** Records dropped because their id had been seen. */
    public long duplicates() {
        return duplicates;
    }

    /** Requests made for pages. */
    public long pages() {
        return pages;
    }

    private void fetchNext() {
        long page = nextPage;
        Page content = fetcher.fetch(page, plan.pageSize());
        pages++;
        int size = content.items().size();
        received += size;
        int fresh = 0;
        int withId = 0;
        for (JsonNode item : content.items()) {
            String id = idOf.apply(item);
            if (id != null) {
                withId++;
                if (!seen.add(id)) {
                    duplicates++;
                    continue;
                }
            }
            buffer.addLast(item);
            fresh++;
        }
        if (listener != null) {
            listener.onPage(page, content, fresh, received);
        }
        if (size > 0 && fresh == 0 && withId == size) {
            done = true;
            throw CallxException.badResponse(source + " returned page " + page
                    + " with only records already received on earlier pages; stopped to avoid a loop ("
                    + received + " records received, " + (received - duplicates) + " unique). "
                    + "Run again; if it persists, report it to the platform");
        }
        done = plan.singlePage() || size == 0 || isLast(page, content);
        nextPage = page + 1;
    }

    private boolean isLast(long page, Page content) {
        long pageIndex = page - plan.firstPage() + 1;
        boolean saysMore = false;
        if (content.hasNext() != null) {
            if (!content.hasNext()) {
                return true;
            }
            saysMore = true;
        }
        if (content.totalPages() != null) {
            if (pageIndex >= content.totalPages()) {
                return true;
            }
            saysMore = true;
        }
        if (content.total() != null) {
            if (received >= content.total()) {
                return true;
            }
            saysMore = true;
        }
        // A short page ends paging unless the platform said more remain: a server that caps the
        // page size below what was asked would otherwise lose every record after the first page.
        return !saysMore && content.items().size() < plan.pageSize();
    }
}
