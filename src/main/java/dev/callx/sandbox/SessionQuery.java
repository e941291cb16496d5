package dev.callx.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The filters and order of Ravan's call-sessions endpoint, parsed from its query parameters.
 * Empty parameters count as absent. {@code started_after} is inclusive, {@code started_before}
 * exclusive, both against {@code startedAt}.
 */
final class SessionQuery {

    private final String agentId;
    private final String status;
    private final String channel;
    private final String callerNumber;
    private final String search;
    private final String sortBy;
    private final boolean descending;
    private final Long startedAfterMs;
    private final Long startedBeforeMs;

    private SessionQuery(Map<String, String> p) {
        agentId = value(p, "agent_id");
        status = value(p, "status");
        channel = value(p, "channel");
        callerNumber = value(p, "caller_number");
        String s = value(p, "search");
        search = s == null ? null : s.toLowerCase(Locale.ROOT);
        sortBy = sortField(value(p, "sort_by"));
        String order = value(p, "sort_order");
        if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            throw new IllegalArgumentException("sort_order must be asc or desc, got \"" + order + "\"");
        }
        descending = order == null || order.equalsIgnoreCase("desc");
        startedAfterMs = instant(p, "started_after");
        startedBeforeMs = instant(p, "started_before");
    }

    /** @throws IllegalArgumentException with a message for the client when a parameter is invalid */
    static SessionQuery parse(Map<String, String> params) {
        return new SessionQuery(params);
    }

    /** The matching calls in the requested order: {@link #size()} of them, the k-th is call {@link #index(int)}. */
    interface Order {
        int size();

        int index(int k);
    }

    /**
     * The matching calls, in the requested order. Filtered by {@code startedAt} at most (what an export
     * asks for, incremental or not) and in that order, the calls are a range of the index order (newest
     * first), found by binary search; a list of a million calls is neither scanned nor copied per page.
     */
    Order run(RavanView view) {
        Dataset data = view.data();
        if (isFilteredByTimeAtMost() && sortBy.equals("startedAt")) {
            // index order is startedAt descending (non-increasing), so a window of startedAt is a range
            // of indices, found by binary search: an incremental export's request costs no scan
            int from = startedBeforeMs == null ? 0 : firstIndex(view, data, s -> s < startedBeforeMs);
            int to = startedAfterMs == null ? data.size() : firstIndex(view, data, s -> s < startedAfterMs);
            int n = Math.max(0, to - from);
            boolean desc = descending;
            return new Order() {
                @Override
                public int size() {
                    return n;
                }

                @Override
                public int index(int k) {
                    return desc ? from + k : from + n - 1 - k;
                }
            };
        }
        int[] order = sorted(view, data);
        return new Order() {
            @Override
            public int size() {
                return order.length;
            }

            @Override
            public int index(int k) {
                return order[k];
            }
        };
    }

    private int[] sorted(RavanView view, Dataset data) {
        SyntheticCall[] all = data.all();
        Integer[] matching = Arrays.stream(all).filter(c -> matches(view, c))
                .map(SyntheticCall::index).toArray(Integer[]::new);
        ToLongFunction<SyntheticCall> key = sortKey(view);
        // ascending: key, then older (higher index) first; descending is the exact reverse
        Comparator<Integer> asc = Comparator.<Integer>comparingLong(i -> key.applyAsLong(all[i]))
                .thenComparing(Comparator.reverseOrder());
        Arrays.sort(matching, descending ? asc.reversed() : asc);
        return Arrays.stream(matching).mapToInt(Integer::intValue).toArray();
    }

    private boolean isFilteredByTimeAtMost() {
        return agentId == null && status == null && channel == null && callerNumber == null && search == null;
    }

    /** The first index whose startedAt passes {@code test}, which holds from some index on; size when none does. */
    private static int firstIndex(RavanView view, Dataset data, java.util.function.LongPredicate test) {
        int lo = 0;
        int hi = data.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (test.test(view.startedAtMs(data.call(mid)))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    boolean matches(RavanView v, SyntheticCall c) {
        if (agentId != null && !agentId.equals(v.data().agent(c).id())) {
            return false;
        }
        if (status != null && !status.equalsIgnoreCase(v.status(c))) {
            return false;
        }
        if (channel != null && !channel.equalsIgnoreCase(v.channel(c))) {
            return false;
        }
        if (callerNumber != null && !callerNumber.equals(v.callerNumber(c))) {
            return false;
        }
        long started = v.startedAtMs(c);
        if (startedAfterMs != null && started < startedAfterMs) {
            return false;
        }
        if (startedBeforeMs != null && started >= startedBeforeMs) {
            return false;
        }
        return search == null || contains(v.summary(c)) || contains(v.data().customer(c).name())
                || contains(v.callerNumber(c)) || contains(v.calleeNumber(c));
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(search);
    }

    private ToLongFunction<SyntheticCall> sortKey(RavanView v) {
        switch (sortBy) {
            case "durationSec":
                return SyntheticCall::durationSec;
            case "costTotal":
                return v::totalCents;
            case "createdAt":
                return v::createdAtMs;
            default:
                return v::startedAtMs;
        }
    }

    private static String sortField(String given) {
        if (given == null) {
            return "startedAt";
        }
        switch (given) {
            case "startedAt":
            case "started_at":
                return "startedAt";
            case "durationSec":
            case "duration_sec":
                return "durationSec";
            case "costTotal":
            case "cost_total":
                return "costTotal";
            case "createdAt":
            case "created_at":
                return "createdAt";
            default:
                throw new IllegalArgumentException("sort_by must be one of startedAt, durationSec, costTotal, createdAt;"
                        + " got \"" + given + "\"");
        }
    }

    private static String value(Map<String, String> p, String name) {
        String v = p.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Long instant(Map<String, String> p, String name) {
        String s = value(p, name);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO 8601 timestamp such as 2026-01-31T00:00:00Z,"
                    + " got \"" + s + "\"");
        }
    }
}
