package dev.callx.sandbox;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies of a platform's pages, straight from the sandbox's generators, without HTTP: what
 * a full export would receive, for the throughput harness (dev.callx.bench.Throughput).
 */
public final class SandboxPages {
    /** The platforms' list endpoints, each with callx's default page size. */
    public enum Source {
        VAANI(Dataset.Kind.VAANI, VaaniApi.CALL_HISTORY, "page", "page_size", 1, 200),
        ZUDU(Dataset.Kind.ZUDU, ZuduApi.CALLS, "page", "limit", 0, 100),
        RAVAN_SESSIONS(Dataset.Kind.RAVAN, RavanApi.SESSIONS, "page", "page_size", 1, 100);

        private final Dataset.Kind kind;
        private final String path;
        private final String pageParam;
        private final String sizeParam;
        private final int firstPage;
        private final int pageSize;

        Source(Dataset.Kind kind, String path, String pageParam, String sizeParam, int firstPage, int pageSize) {
            this.kind = kind;
            this.path = path;
            this.pageParam = pageParam;
            this.sizeParam = sizeParam;
            this.firstPage = firstPage;
            this.pageSize = pageSize;
        }

        public int pageSize() {
            return pageSize;
        }
    }

    private static final String BASE_URL = "http://127.0.0.1:8080";
    private static final String STORAGE_URL = "http://127.0.0.1:8081";

    private SandboxPages() {
    }

    /** Every page of {@code calls} synthetic calls (seed, anchor fixed), in page order. */
    public static List<byte[]> pages(Source source, int calls, long seed, Instant anchor) {
        Customers customers = new Customers(seed, calls);
        Dataset data = new Dataset(source.kind, seed, calls, anchor, customers);
        Storage storage = new Storage(STORAGE_URL, seed, anchor.getEpochSecond() + Sandbox.URL_VALIDITY_SECONDS,
                Duration.ZERO);
        PlatformApi api = switch (source) {
            case VAANI -> new VaaniApi(data, BASE_URL, "k");
            case ZUDU -> new ZuduApi(data, BASE_URL, storage, "k", "s");
            case RAVAN_SESSIONS -> new RavanApi(data, BASE_URL, storage, "k", "t");
        };
        int pageCount = (calls + source.pageSize - 1) / source.pageSize;
        List<byte[]> pages = new ArrayList<>(pageCount);
        for (int p = 0; p < pageCount; p++) {
            String query = source.pageParam + "=" + (p + source.firstPage) + "&" + source.sizeParam + "="
                    + source.pageSize;
            Response response = api.handle(new Request("GET", source.path, query, new Headers()));
            if (response.status() != 200) {
                throw new IllegalStateException(source + " page " + p + ": HTTP " + response.status());
            }
            pages.add(response.body());
        }
        return pages;
    }
}
