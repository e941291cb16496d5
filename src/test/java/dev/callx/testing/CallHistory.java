package dev.callx.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A platform's call history that changes between runs, served page by page by a {@link PlatformServer}:
 * each answer is computed from the list as it is when the request arrives, newest call first, in the
 * platform's documented shape (api-docs/), with the paging signals it documents. Sessions honour
 * {@code started_after} and {@code started_before}; Zudu echoes {@code sort_by} and {@code sort_order}
 * when they were asked for. A fault can be set on the pages from one on (HTTP 500).
 */
public final class CallHistory {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The paged list endpoints, with the command line that exports each. */
    public enum Platform {
        VAANI("vaani"),
        CALLS("calls"),
        SESSIONS("sessions"),
        PHONE_HISTORY("phone-history", "+14155550100");

        public final List<String> command;

        Platform(String... command) {
            this.command = List.of(command);
        }
    }

    /** One call: its id and when it started. */
    public record Call(String id, Instant startedAt) {
    }

    private final Platform platform;
    private final List<Call> calls = new ArrayList<>();
    private volatile long failFrom = Long.MAX_VALUE;
    private volatile boolean echoSort = true;

    public CallHistory(Platform platform) {
        this.platform = platform;
    }

    /** Adds a call (at the head when it is the newest, behind others when it arrives late). */
    public synchronized CallHistory add(String id, Instant startedAt) {
        calls.add(new Call(id, startedAt));
        return this;
    }

    /** Answers HTTP 500 to every request for this page or a later one (numbered as the platform does). */
    public CallHistory failFromPage(long page) {
        this.failFrom = page;
        return this;
    }

    /** A Zudu that sorts as asked but does not echo the sort in its pages. */
    public CallHistory withoutSortEcho() {
        this.echoSort = false;
        return this;
    }

    /** Serves the history: every request to the server is answered from it. */
    public CallHistory serveOn(PlatformServer server) {
        server.when(r -> r.getUrl().queryParameter("page") != null, platform + " history")
                .answer(this::answer);
        return this;
    }

    private synchronized MockResponse answer(RecordedRequest r) {
        long page = Long.parseLong(r.getUrl().queryParameter("page"));
        if (page >= failFrom) {
            return Api.json(500, "{\"detail\": \"test: page " + page + " fails\"}");
        }
        List<Call> list = new ArrayList<>(calls);
        list.sort(Comparator.comparing(Call::startedAt).reversed().thenComparing(Call::id));
        if ("ascending".equals(r.getUrl().queryParameter("sort_order"))) {
            java.util.Collections.reverse(list);
        }
        if (platform == Platform.SESSIONS) {
            String after = r.getUrl().queryParameter("started_after");
            String before = r.getUrl().queryParameter("started_before");
            list.removeIf(c -> after != null && c.startedAt().isBefore(Instant.parse(after)));
            list.removeIf(c -> before != null && !c.startedAt().isBefore(Instant.parse(before)));
        }
        String sizeParam = switch (platform) {
            case CALLS -> "limit";
            default -> "page_size";
        };
        int size = Integer.parseInt(r.getUrl().queryParameter(sizeParam));
        long first = platform == Platform.CALLS ? 0 : 1;
        int from = (int) Math.min(list.size(), (page - first) * size);
        List<Call> items = list.subList(from, Math.min(list.size(), from + size));
        long total = list.size();
        long pages = (total + size - 1) / size;
        boolean hasNext = page - first + 1 < pages;
        return Api.json(switch (platform) {
            case VAANI -> vaani(page, size, total, pages, hasNext, items);
            case CALLS -> zudu(r, page, size, total, pages, hasNext, items, echoSort);
            case SESSIONS -> sessions(items);
            case PHONE_HISTORY -> phoneHistory(page, size, total, items);
        });
    }

    private static String vaani(long page, int size, long total, long pages, boolean hasNext, List<Call> items) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        for (Call c : items) {
            data.add(ApiPages.vaaniCall(c.id())
                    .put("Start_time", LocalDateTime.ofInstant(c.startedAt(), ZoneOffset.UTC).toString()));
        }
        ObjectNode p = body.putObject("pagination");
        p.put("page", page).put("page_size", size).put("total_count", total).put("total_pages", pages)
                .put("has_next", hasNext).put("has_previous", page > 1);
        return body.toString();
    }

    private static String zudu(RecordedRequest r, long page, int size, long total, long pages, boolean hasNext,
                               List<Call> items, boolean echoSort) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("message", "Calls retrieved successfully").put("status", "success").putNull("error");
        ObjectNode data = body.putObject("data");
        ArrayNode calls = data.putArray("calls");
        for (Call c : items) {
            calls.add(ApiPages.zuduCall(c.id()).put("start_timestamp", c.startedAt().toEpochMilli()));
        }
        data.putObject("pagination").put("page", page).put("limit", size).put("total_count", total)
                .put("total_pages", pages).put("has_next_page", hasNext).put("has_previous_page", page > 0);
        data.put("returned_count", items.size());
        String sortBy = r.getUrl().queryParameter("sort_by");
        String sortOrder = r.getUrl().queryParameter("sort_order");
        if (sortBy != null && echoSort) {
            data.put("sort_by", sortBy);
        }
        if (sortOrder != null && echoSort) {
            data.put("sort_order", sortOrder);
        }
        return body.toString();
    }

    private static String sessions(List<Call> items) {
        List<ObjectNode> records = new ArrayList<>();
        for (Call c : items) {
            records.add(ApiPages.session(c.id()).put("startedAt", c.startedAt().toString()));
        }
        return ApiPages.sessionsOf(records);
    }

    private static String phoneHistory(long page, int size, long total, List<Call> items) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("success", true).put("message", "call history retrieved successfully").put("phone", "+14155550100")
                .put("total_count", total).put("page", page).put("page_size", size);
        ArrayNode calls = body.putArray("calls");
        for (Call c : items) {
            calls.add(ApiPages.phoneHistoryCall(c.id()).put("started_at", c.startedAt().toString()));
        }
        return body.toString();
    }
}
