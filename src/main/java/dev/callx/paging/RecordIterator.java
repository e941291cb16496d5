package dev.callx.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.error.CallxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The records of a {@link PageSource}, flattened, de-duplicated and guarded against loops, in the
 * manner of hub4j's PagedIterator: lazy, a page is asked for only when the records before it are
 * used up, so a consumer that stops early (--limit) causes no further request.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Records come out in the order the pages hand them out; a record whose id was already
 *       emitted is dropped and counted in {@link #duplicates()} (records shift between pages while
 *       new calls arrive). Records without an id are never dropped.</li>
 *   <li>De-duplication remembers the ids of the last records, as many as the source says its drift
 *       and read-ahead can repeat ({@link PageSource#dedupeWindow()}), so memory stays flat.</li>
 *   <li>Loop guard: a page that brings nothing new (every id seen, and every record without an id
 *       equal in content to one seen) ends paging with exit 7, naming what repeated, unless the
 *       source says the list shifted by a whole page or more while it was read.</li>
 * </ul>
 * Not thread safe: one consumer.
 */
public final class RecordIterator implements Iterator<JsonNode> {
    /** Told about each page handed out (progress, verbose log). */
    public interface Listener {
        /**
         * @param fresh    the page's records not seen before
         * @param received the records received so far, this page's included
         */
        void onPage(PageSource.Fetched page, int fresh, long received);
    }

    private final PageSource source;
    private final Function<JsonNode, String> idOf;
    private final String platform;
    private final Listener listener;
    private Runnable beforeWait = () -> { };

    private final Deque<JsonNode> buffer = new ArrayDeque<>();
    private final Fingerprint.Maker fingerprints = new Fingerprint.Maker();
    private final RecentIds ids;
    private final RecentIds contents;
    private boolean done;
    private long received;
    private long duplicates;
    private long pages;

    /**
     * @param platform names the platform in error messages ("Vaani Voice")
     * @param listener told about each page, or null
     */
    public RecordIterator(PageSource source, Function<JsonNode, String> idOf, String platform, Listener listener) {
        this.source = source;
        this.idOf = idOf;
        this.platform = platform;
        this.listener = listener;
        this.ids = new RecentIds(source.dedupeWindow());
        this.contents = new RecentIds(source.dedupeWindow());
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !done) {
            beforeWait.run();
            PageSource.Fetched page = source.next();
            if (page == null) {
                done = true;
            } else {
                take(page);
            }
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

    /**
     * Runs {@code action} each time the records taken so far are used up, before waiting for the next
     * page: the consumer flushes what it wrote, so that a reader sees whole records at once and a page
     * that then fails leaves whole records behind.
     */
    public RecordIterator beforeWait(Runnable action) {
        this.beforeWait = action;
        return this;
    }

    /** Records received from the platform, duplicates and refetched pages included. */
    public long received() {
        return received;
    }

    /** Records dropped because their id had been seen. */
    public long duplicates() {
        return duplicates;
    }

    /** Pages handed out, refetches included. */
    public long pages() {
        return pages;
    }

    /** Records waiting to be taken: the rest of the current page. */
    public int buffered() {
        return buffer.size();
    }

    /**
     * Pages that brought nothing new but were excused by drift (the list shifted while it was read)
     * may be at most this many, or as many as the pages that brought something, whichever is more:
     * a burst of new calls excuses a few pages, a list that grows a page per page read does not.
     */
    static final int EXCUSED_PAGES = 10;
    private long pagesWithNew;
    private long excused;

    private void take(PageSource.Fetched fetched) {
        Page content = fetched.page();
        pages++;
        int size = content.items().size();
        received += size;
        ids.ensureCapacity(source.dedupeWindow());
        contents.ensureCapacity(source.dedupeWindow());
        int fresh = 0;
        boolean anythingNew = false;
        String repeated = null;
        for (JsonNode item : content.items()) {
            String id = idOf.apply(item);
            if (id != null) {
                if (!ids.add(fingerprints.of(id))) {
                    duplicates++;
                    repeated = repeated == null ? "id " + quote(id) : repeated;
                    continue;
                }
                anythingNew = true;
            } else if (contents.add(fingerprints.of(item.toString()))) {
                anythingNew = true;
            } else {
                repeated = repeated == null ? "a record without an id, " + quote(item.toString()) : repeated;
            }
            buffer.addLast(item);
            fresh++;
        }
        if (listener != null) {
            listener.onPage(fetched, fresh, received);
        }
        if (anythingNew) {
            pagesWithNew++;
        } else if (size > 0 && (fetched.refetch() || fetched.mayRepeat())
                && ++excused > Math.max(EXCUSED_PAGES, pagesWithNew)) {
            // the list grew by a page or more for each page read: it would never end
            done = true;
            buffer.clear();
            source.close();
            throw CallxException.badResponse(platform + " returned " + excused + " pages with nothing new while "
                    + "its totals kept rising (page " + display(fetched) + ", " + repeated + " among the repeated): "
                    + "the list grew as fast as it was read; stopped to avoid a loop (" + received + " records "
                    + "received). Run again later, or narrow the export with --since/--until");
        }
        if (size > 0 && !anythingNew && !fetched.refetch() && !fetched.mayRepeat()) {
            done = true;
            buffer.clear();
            source.close();
            throw CallxException.badResponse(platform + " returned page " + display(fetched)
                    + " with nothing new: every record was already received (" + repeated + " among them); "
                    + "stopped to avoid a loop (" + received + " records received). The server may be ignoring "
                    + "the page parameter; run again, and if it persists, report it to the platform");
        }
    }

    /** The page's number for people, counted from 1 whatever the platform's numbering. */
    private long display(PageSource.Fetched f) {
        return source.display(f.number());
    }

    private static String quote(String text) {
        String t = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return "'" + t + "'";
    }
}
