package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hostile server, fuzzed (issue 8, item 11): every answer is drawn at random from random bytes,
 * random JSON, pages of the platform's shape with random paging signals (has_next, counts, totals of
 * -1, records with and without ids, ids repeated), and failures (429 with odd Retry-After values, 500,
 * a 401 that echoes the key in every escaping). Over a few thousand pages, callx must never exit 1,
 * never print the key in any form, end every run, and ask for a bounded number of pages.
 */
class HostileFuzzTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String KEY = "fz-Secret/Key+1=ab<q>";
    private static final int RUNS = 120;
    /** A run ends with exit 7 at twice the pages the totals promised, or by an empty page (1 in 12). */
    private static final int MAX_REQUESTS_PER_RUN = 400;

    /** One fuzzed answer for a request. */
    private static MockResponse answer(Random rnd, RecordedRequest request, String platform) {
        int roll = rnd.nextInt(200);
        if (roll < 3) {
            byte[] junk = new byte[rnd.nextInt(300)];
            rnd.nextBytes(junk);
            return new MockResponse.Builder().code(200).body(new Buffer().write(junk)).build();
        }
        if (roll < 6) {
            return json(200, randomJson(rnd, 0).toString());
        }
        if (roll < 11) {
            String[] afters = {"-1", "0", "1", "abc", "Wed, 21 Oct 2015 07:28:00 GMT", "999999999", ""};
            return new MockResponse.Builder().code(429).addHeader("Retry-After", afters[rnd.nextInt(afters.length)])
                    .build();
        }
        if (roll < 14) {
            return json(500, "{\"detail\":\"oops\"}");
        }
        if (roll < 15) {
            String echo = switch (rnd.nextInt(4)) {
                case 0 -> KEY;
                case 1 -> KEY.replace("/", "\\/");
                case 2 -> URLEncoder.encode(KEY, StandardCharsets.UTF_8);
                default -> KEY.replace("<", "\\u003c").replace(">", "\\u003e");
            };
            return json(401, "{\"detail\":\"invalid key " + echo + "\",\"message\":\"key " + echo + " refused\"}");
        }
        return json(200, page(rnd, platform));
    }

    private static String page(Random rnd, String platform) {
        ArrayNode items = F.arrayNode();
        int n = rnd.nextInt(25) == 0 ? 0 : 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            ObjectNode r = F.objectNode();
            String idKey = platform.equals("sessions") ? "id" : "call_id";
            int kind = rnd.nextInt(10);
            if (kind < 6) {
                r.put(idKey, "c" + rnd.nextInt(100_000));
            } else if (kind < 8) {
                r.put(idKey, "c" + rnd.nextInt(5)); // often repeated
            }
            r.set("call_summary", randomJson(rnd, 2));
            items.add(r);
        }
        ObjectNode body = F.objectNode();
        ObjectNode paging = F.objectNode();
        if (rnd.nextBoolean()) {
            paging.put(platform.equals("calls") ? "has_next_page" : "has_next", rnd.nextInt(4) != 0);
        }
        if (rnd.nextBoolean()) {
            paging.put("total_count", rnd.nextInt(5) == 0 ? -1 : rnd.nextInt(200));
        }
        if (rnd.nextBoolean()) {
            paging.put("total_pages", rnd.nextInt(5) == 0 ? -1 : rnd.nextInt(40));
        }
        switch (platform) {
            case "vaani" -> {
                body.set("data", items);
                body.set("pagination", paging);
            }
            case "calls" -> {
                ObjectNode data = body.putObject("data");
                data.set("calls", items);
                data.set("pagination", paging);
            }
            default -> {
                body.put("success", true);
                body.putObject("data").set("callSessions", items);
            }
        }
        return body.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode randomJson(Random rnd, int depth) {
        int kind = rnd.nextInt(depth > 2 ? 5 : 8);
        return switch (kind) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(rnd.nextBoolean());
            case 2 -> F.numberNode(rnd.nextLong());
            case 3 -> F.numberNode(new java.math.BigDecimal("1e" + (rnd.nextInt(2000) - 1000)));
            case 4 -> F.textNode(new String(new int[] {0x1b, '[', '2', 'J', 0x202e, 'x', 0}, 0, 7));
            case 5 -> {
                ArrayNode a = F.arrayNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    a.add(randomJson(rnd, depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = F.objectNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    o.set("k" + rnd.nextInt(9), randomJson(rnd, depth + 1));
                }
                yield o;
            }
        };
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    @Timeout(120)
    void aFuzzedServerNeverCrashesLeaksOrLoopsCallx() throws Exception {
        Random seeds = new Random(20261201);
        String[] platforms = {"vaani", "calls", "sessions"};
        int pages = 0;
        List<Integer> exits = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long seed = seeds.nextLong();
            String platform = platforms[run % platforms.length];
            Random rnd = new Random(seed);
            AtomicInteger requests = new AtomicInteger();
            try (PlatformServer server = new PlatformServer().start()) {
                server.when(r -> true, "everything").answer(r -> {
                    requests.incrementAndGet();
                    synchronized (rnd) {
                        return answer(rnd, r, platform);
                    }
                });
                CallxRunner callx = CallxRunner.callx().env("VAANI_API_KEY", KEY).env("RAVAN_API_KEY", KEY)
                        .env("ZUDU_API_KEY", KEY).env("ZUDU_API_SECRET", KEY + "2");
                String concurrency = String.valueOf(1 + (int) (Math.abs(seed) % 8));
                Result r = callx.run(platform, "--base-url", server.baseUrl(), "--retries", "2", "--page-size", "5",
                        "--concurrency", concurrency, "-o", "jsonl");
                String why = "run " + run + " (seed " + seed + ", " + platform + ", concurrency " + concurrency + ")\n"
                        + r;
                assertThat(r.exitCode()).as(why).isNotEqualTo(1).isIn(0, 3, 5, 6, 7);
                assertThat(r.err() + r.out()).as(why).doesNotContain(KEY)
                        .doesNotContain(KEY.replace("/", "\\/"))
                        .doesNotContain(URLEncoder.encode(KEY, StandardCharsets.UTF_8))
                        .doesNotContain("Secret/Key").doesNotContain("Secret\\/Key").doesNotContain("Secret%2FKey");
                assertThat(r.err()).as(why).doesNotContain("\u001b").doesNotContain("\u202e");
                assertThat(requests.get()).as(why).isLessThanOrEqualTo(MAX_REQUESTS_PER_RUN);
                pages += requests.get();
                exits.add(r.exitCode());
            }
        }
        assertThat(pages).as("pages served in all").isGreaterThan(1_000);
        assertThat(exits).as("every outcome met").contains(0, 6, 7);
    }
}
