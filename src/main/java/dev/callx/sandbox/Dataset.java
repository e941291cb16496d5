package dev.callx.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The synthetic calls of one platform: {@code size} calls, index 0 the newest, spread over the
 * 90 days before the anchor. Call {@code i} depends only on (seed, platform, size, anchor, i); it is
 * generated on demand, and the whole array is built once, lazily, the first time a request needs to
 * scan every call (filters, phone look-ups, other sort orders).
 */
final class Dataset {

    enum Kind {
        RAVAN(0x52415641_4E000001L), VAANI(0x5641414E_49000002L), ZUDU(0x5A554455_00000003L);

        final long salt;

        Kind(long salt) {
            this.salt = salt;
        }
    }

    static final long SPAN_MS = Duration.ofDays(90).toMillis();
    /** The newest call starts at least this long before the anchor, so every call has ended by then. */
    static final long MARGIN_MS = Duration.ofMinutes(30).toMillis();
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Kind kind;
    private final long platformSeed;
    private final int size;
    private final long anchorMs;
    private final Customers customers;
    private final List<Agent> agents;
    private final String organizationId;
    private volatile SyntheticCall[] all;

    Dataset(Kind kind, long seed, int size, Instant anchor, Customers customers) {
        this.kind = kind;
        this.platformSeed = mix(seed ^ kind.salt);
        this.size = size;
        this.anchorMs = anchor.toEpochMilli();
        this.customers = customers;
        this.agents = makeAgents();
        this.organizationId = kind == Kind.ZUDU ? "org-" + hex(mix(platformSeed + 7), 8) : uuid(platformSeed + 7);
    }

    /** SplitMix64's finaliser: a good 64-bit mixing function. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String uuid(long seed) {
        long hi = mix(seed);
        long lo = mix(hi + GOLDEN);
        return new UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    static String hex(long value, int digits) {
        String h = Long.toHexString(value);
        h = "0".repeat(Math.max(0, 16 - h.length())) + h;
        return h.substring(16 - digits);
    }

    int size() {
        return size;
    }

    Kind kind() {
        return kind;
    }

    List<Agent> agents() {
        return agents;
    }

    Agent agent(SyntheticCall c) {
        return agents.get(c.agent());
    }

    Customers customers() {
        return customers;
    }

    Customer customer(SyntheticCall c) {
        return customers.get(c.customer());
    }

    String organizationId() {
        return organizationId;
    }

    /** Call {@code i}, 0 = newest. */
    SyntheticCall call(int i) {
        SyntheticCall[] a = all;
        return a != null ? a[i] : generate(i);
    }

    /** Every call, newest first; built on first use. Do not modify. */
    SyntheticCall[] all() {
        SyntheticCall[] a = all;
        if (a == null) {
            synchronized (this) {
                a = all;
                if (a == null) {
                    a = new SyntheticCall[size];
                    for (int i = 0; i < size; i++) {
                        a[i] = generate(i);
                    }
                    all = a;
                }
            }
        }
        return a;
    }

    private long slotStart(int i) {
        return (long) Math.floor((double) i * SPAN_MS / size);
    }

    private SyntheticCall generate(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("call " + i + " of " + size);
        }
        SplittableRandom r = new SplittableRandom(mix(platformSeed + i * GOLDEN));
        long base = slotStart(i);
        long width = slotStart(i + 1) - base;
        long start = anchorMs - MARGIN_MS - base - (width > 0 ? r.nextLong(width) : 0);
        int micros = r.nextInt(1000);
        Outcome outcome = Outcome.fromPercent(r.nextInt(100));
        boolean inbound = r.nextInt(100) < 45;
        int customer = r.nextInt(customers.count());
        int agent = r.nextInt(agents.size());
        int channelPick = r.nextInt(100);
        int channel = channelPick < 60 ? 0 : channelPick < 85 ? 1 : 2;
        int answerMs = inbound ? 500 + r.nextInt(3000) : 2000 + r.nextInt(14000);
        double talkShape = r.nextDouble();
        int durationMs;
        switch (outcome) {
            case NO_ANSWER:
                durationMs = 25_000 + r.nextInt(15_000);
                answerMs = durationMs;
                break;
            case FAILED:
                durationMs = r.nextInt(4_000);
                answerMs = durationMs;
                break;
            default:
                durationMs = answerMs + 20_000 + (int) (talkShape * talkShape * 780_000);
        }
        int sentimentPick = r.nextInt(100);
        int sentiment = sentimentPick < 50 ? 0 : sentimentPick < 85 ? 1 : 2;
        int topic = r.nextInt(Vocabulary.TOPICS.size());
        int latencyTenths = 4_000 + r.nextInt(10_000);
        return new SyntheticCall(i, start, micros, durationMs, answerMs, customer, agent, inbound, channel,
                outcome, sentiment, topic, latencyTenths, r.nextLong(), r.nextLong(), r.nextLong());
    }

    private List<Agent> makeAgents() {
        List<String> names;
        switch (kind) {
            case RAVAN:
                names = Vocabulary.RAVAN_AGENT_NAMES;
                break;
            case VAANI:
                names = Vocabulary.VAANI_AGENT_NAMES;
                break;
            default:
                names = new ArrayList<>();
                for (int k = 1; k <= Vocabulary.ZUDU_AGENTS; k++) {
                    names.add("Zudu Agent " + k);
                }
        }
        List<Agent> list = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            long s = mix(platformSeed + 1000 + k);
            String id = kind == Kind.ZUDU ? "agent-" + hex(s, 8) : uuid(s);
            list.add(new Agent(id, names.get(k), Vocabulary.AGENT_LINES.get(k % Vocabulary.AGENT_LINES.size())));
        }
        return List.copyOf(list);
    }
}
