package dev.callx.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.output.CsvDirect;
import dev.callx.output.CsvFloor;
import dev.callx.output.Format;
import dev.callx.output.OutputOptions;
import dev.callx.output.RecordWriter;
import dev.callx.paging.Page;
import dev.callx.provider.Endpoint;
import dev.callx.provider.ravan.CallSessionsEndpoint;
import dev.callx.provider.vaani.VaaniCallHistoryEndpoint;
import dev.callx.provider.zudu.ZuduCallsEndpoint;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.record.Json;
import dev.callx.record.Warnings;
import dev.callx.sandbox.SandboxPages;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU path of an export, measured on one thread after warm-up, without network: the page bodies
 * come from the sandbox's generators (dev.callx.sandbox.SandboxPages), already in memory.
 *
 * <ul>
 *   <li>{@code jackson}: a bare Jackson streaming parse of the same bytes, every token of every page
 *       (the limit: nothing can read the pages faster);</li>
 *   <li>{@code csv} / {@code jsonl}: callx's path, as the export runs it: the body read as
 *       {@code ApiClient} does ({@code Json.readTree}), {@code Endpoint.parse}, per record
 *       {@code idOf} and {@code map}, then {@code RecordWriter} into a sink that encodes to UTF-8 and
 *       drops the bytes (through the UTF-8 writer {@code -f} writes with).</li>
 * </ul>
 * Rounds interleave the modes, so a noisy neighbour hits them alike; the median round is reported.
 * The SHA-256 of each output over all pages is printed: equal digests before and after a change
 * mean byte-identical output.
 *
 * <p>Arguments: {@code --calls N} (100000), {@code --rounds R} (7), {@code --warmup W} (5),
 * {@code --only vaani,zudu,sessions}, {@code --modes jackson,csv,jsonl} (a mode left out reports 0; add
 * {@code values,tree,map,csv-chars} for the parts of the path: see the second table). Run it with {@code bench/throughput}. Not a test: no assertion.
 */
public final class Throughput {
    private static final Instant ANCHOR = Instant.parse("2026-06-01T12:00:00Z");
    private static final long SEED = 42;
    private static final ZoneId ZONE = ZoneOffset.UTC;

    /** @param records the dotted path of the records' array in a page, for the streaming prototype */
    private record Source(String name, SandboxPages.Source pages, Endpoint endpoint, String records) {
    }

    private record Result(String name, long records, Map<String, Double> rates, String csvSha, String jsonlSha) {
        /** The median rate of a mode, 0 for one not run on this platform (direct: Vaani only). */
        double rate(String mode) {
            return rates.getOrDefault(mode, 0.0);
        }
    }

    private final ObjectMapper mapper = Json.mapper();
    private final JsonFactory bareFactory = new JsonFactory();
    private final List<String> modes;
    private final Map<List<byte[]>, Long> recordCounts = new IdentityHashMap<>();
    private long sink;

    private Throughput(List<String> modes) {
        this.modes = modes;
    }

    public static void main(String[] args) throws Exception {
        int calls = 100_000;
        int rounds = 7;
        int warmup = 5;
        List<String> only = List.of("vaani", "zudu", "sessions");
        List<String> modes = List.of("jackson", "csv", "jsonl");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                case "--modes" -> modes = Arrays.asList(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --calls N --rounds R --warmup W --only vaani,zudu,sessions --modes jackson,csv,jsonl");
            }
        }
        List<Source> sources = new ArrayList<>();
        if (only.contains("vaani")) {
            sources.add(new Source("vaani", SandboxPages.Source.VAANI, new VaaniCallHistoryEndpoint(), "data"));
        }
        if (only.contains("zudu")) {
            sources.add(new Source("zudu", SandboxPages.Source.ZUDU, new ZuduCallsEndpoint(null, null), "data.calls"));
        }
        if (only.contains("sessions")) {
            sources.add(new Source("sessions", SandboxPages.Source.RAVAN_SESSIONS,
                    new CallSessionsEndpoint(CallSessionsEndpoint.Filters.NONE), "data.callSessions"));
        }
        Throughput t = new Throughput(modes);
        List<Result> results = new ArrayList<>();
        for (Source s : sources) {
            results.add(t.run(s, calls, rounds, warmup));
        }
        System.out.printf(Locale.ROOT, "%nthroughput, one thread, %d calls per platform, median of %d rounds "
                + "after %d warm-up rounds (records per second of process CPU time; ratio = bare Jackson / callx)%n",
                calls, rounds, warmup);
        System.out.printf(Locale.ROOT, "%-9s %10s %14s %14s %6s %14s %6s%n", "platform", "records", "jackson",
                "callx csv", "ratio", "callx jsonl", "ratio");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-9s %10d %14.0f %14.0f %6.2f %14.0f %6.2f%n", r.name, r.records,
                    r.rate("jackson"), r.rate("csv"), r.rate("jackson") / r.rate("csv"), r.rate("jsonl"),
                    r.rate("jackson") / r.rate("jsonl"));
        }
        List<String> parts = List.of("values", "tree-mapper", "tree", "map", "csv-chars", "csv-streamed", "floor", "direct");
        if (modes.stream().anyMatch(parts::contains)) {
            System.out.printf(Locale.ROOT, "%nparts of the path (records per CPU second, and bare Jackson / it): values = every "
                    + "token with its value materialized, no tree; tree-mapper = ObjectMapper.readTree alone (Jackson's deserializer); "
                    + "tree = callx's Json.readTree + parse + idOf; map = tree + map; "
                    + "csv-chars = csv without the UTF-8 encoding; csv-streamed = csv with a tree per record, read from a "
                    + "streaming parser and mapped at once, instead of a tree per page (a prototype; same output); floor = each record's top-level "
                    + "scalars read through the streaming parser and written as csv cells, nothing built or converted, nested "
                    + "values skipped (CsvFloor: the least any Jackson-based csv export could do); direct = Vaani only: the "
                    + "whole csv export hand-written over the streaming parser, no tree, no record, every conversion "
                    + "callx makes, output checked equal to callx csv (CsvDirect: the best a Jackson-based engine could "
                    + "reach)%n");
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s", "platform"));
            parts.forEach(m -> head.append(String.format(Locale.ROOT, " %12s %5s", m, "ratio")));
            System.out.println(head);
            for (Result r : results) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-9s", r.name));
                parts.forEach(m -> row.append(r.rate(m) == 0 ? String.format(Locale.ROOT, " %12s %5s", "-", "-")
                        : String.format(Locale.ROOT, " %12.0f %5.2f", r.rate(m), r.rate("jackson") / r.rate(m))));
                System.out.println(row);
            }
        }
        System.out.println();
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-9s sha256 csv %s  jsonl %s%n", r.name, r.csvSha, r.jsonlSha);
        }
        System.out.println("(checksum " + t.sink + ")");
    }

    /** One way through the pages; returns the records it saw. */
    @FunctionalInterface
    private interface Pass {
        long run(List<byte[]> pages) throws IOException;
    }

    private Result run(Source source, int calls, int rounds, int warmup) throws IOException {
        List<byte[]> pages = SandboxPages.pages(source.pages, calls, SEED, ANCHOR);
        long bytes = pages.stream().mapToLong(b -> b.length).sum();
        System.err.printf(Locale.ROOT, "%s: %d pages of %d, %.1f MB%n", source.name, pages.size(),
                source.pages.pageSize(), bytes / 1e6);
        OutputOptions csv = new OutputOptions(Format.CSV, Field.all(), false, true, ZONE, false, 0);
        OutputOptions jsonl = new OutputOptions(Format.JSONL, Field.all(), false, true, ZONE, false, 0);

        Digest csvDigest = new Digest();
        long records = callx(source.endpoint, pages, csv, encoded(csvDigest));
        String csvSha = csvDigest.hex();
        Digest jsonlDigest = new Digest();
        callx(source.endpoint, pages, jsonl, encoded(jsonlDigest));
        String jsonlSha = jsonlDigest.hex();

        Map<String, Pass> all = new LinkedHashMap<>();
        all.put("jackson", this::bare);
        all.put("csv", p -> callx(source.endpoint, p, csv, encoded(OutputStream.nullOutputStream())));
        all.put("jsonl", p -> callx(source.endpoint, p, jsonl, encoded(OutputStream.nullOutputStream())));
        all.put("values", this::values);
        all.put("tree", p -> tree(source.endpoint, p, false));
        all.put("tree-mapper", p -> {
            for (byte[] body : p) {
                sink += mapper.readTree(body).size(); // Jackson's own tree deserializer, for comparison
            }
            return recordsOf(p);
        });
        all.put("map", p -> tree(source.endpoint, p, true));
        all.put("csv-chars", p -> callx(source.endpoint, p, csv, Writer.nullWriter()));
        all.put("csv-streamed", p -> streamed(source, p, csv, encoded(OutputStream.nullOutputStream())));
        if (source.name.equals("vaani") && modes.contains("direct")) {
            Digest d = new Digest();
            new CsvDirect(encoded(d), ZONE).run(mapper.getFactory(), pages);
            if (!d.hex().equals(csvSha) && !CsvDirect.COPY_ONLY) {
                throw new IllegalStateException("direct: output differs from callx csv");
            }
            all.put("direct", p -> new CsvDirect(encoded(OutputStream.nullOutputStream()), ZONE)
                    .run(mapper.getFactory(), p));
        }
        all.put("floor", p -> new CsvFloor(encoded(OutputStream.nullOutputStream()))
                .run(mapper.getFactory(), p, source.records.split("\\.")));
        List<String> chosen = all.keySet().stream().filter(modes::contains).toList();

        for (int i = 0; i < warmup; i++) {
            for (String mode : chosen) {
                all.get(mode).run(pages);
            }
        }
        Map<String, double[]> rates = new LinkedHashMap<>();
        chosen.forEach(m -> rates.put(m, new double[rounds]));
        Map<String, double[]> wall = new LinkedHashMap<>();
        chosen.forEach(m -> wall.put(m, new double[rounds]));
        for (int i = 0; i < rounds; i++) {
            StringBuilder line = new StringBuilder();
            // rotate the order, so no mode always runs right after a collection left by another
            for (int k = 0; k < chosen.size(); k++) {
                String mode = chosen.get((i + k) % chosen.size());
                long cpu0 = cpuNanos();
                long t0 = System.nanoTime();
                long n = all.get(mode).run(pages);
                rates.get(mode)[i] = records * 1e9 / (cpuNanos() - cpu0);
                wall.get(mode)[i] = records * 1e9 / (System.nanoTime() - t0);
                if (n != records) {
                    throw new IllegalStateException(source.name + ": " + mode + " saw " + n + " records, callx csv "
                            + records);
                }
            }
            int round = i;
            chosen.forEach(m -> line.append(String.format(Locale.ROOT, "  %s %.0f (wall %.0f)", m, rates.get(m)[round],
                    wall.get(m)[round])));
            System.err.printf(Locale.ROOT, "%s round %d:%s records per CPU second%n", source.name, i + 1, line);
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        all.keySet().forEach(m -> medians.put(m, rates.containsKey(m) ? median(rates.get(m)) : 0.0));
        return new Result(source.name, records, medians, csvSha, jsonlSha);
    }

    /**
     * The sink of an export to a file: encoded to UTF-8 through a 64 KB buffer, as AtomicFile does: its
     * Utf8Writer, or, in a revision before it (THROUGHPUT_AGAINST), the JDK's writers it replaced.
     */
    private static Writer encoded(OutputStream out) {
        try {
            return (Writer) Class.forName("dev.callx.output.Utf8Writer").getConstructor(OutputStream.class, int.class)
                    .newInstance(out, 1 << 16);
        } catch (ReflectiveOperationException e) {
            return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }
    }

    /**
     * The floor of any reader that keeps the values: every token, every field name and scalar
     * materialized (text as a String, numbers as callx reads them), nothing built.
     */
    private long values(List<byte[]> pages) throws IOException {
        long n = 0;
        for (byte[] page : pages) {
            try (JsonParser p = mapper.getFactory().createParser(page)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    switch (t) {
                        case FIELD_NAME, VALUE_STRING -> n += p.getText().length();
                        case VALUE_NUMBER_INT -> n += p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                ? p.getBigIntegerValue().signum() : p.getLongValue();
                        case VALUE_NUMBER_FLOAT -> n += p.getDecimalValue().scale();
                        default -> n++;
                    }
                }
            }
        }
        sink += n;
        return recordsOf(pages);
    }

    private long recordsOf(List<byte[]> pages) throws IOException {
        Long n = recordCounts.get(pages);
        if (n == null) {
            n = bare(pages);
            recordCounts.put(pages, n);
        }
        return n;
    }

    /**
     * What a streaming page reader would do (a prototype, not callx's path today): the parser walks to the
     * records' array and reads one record's tree at a time, which is mapped and written at once, while it
     * is still in the cache. The page's other fields (paging signals) are skipped here.
     */
    private long streamed(Source source, List<byte[]> pages, OutputOptions options, Writer writer) throws IOException {
        Warnings warnings = new Warnings(w -> sink++);
        RecordWriter out = RecordWriter.open(options, writer);
        String[] path = source.records.split("\\.");
        long n = 0;
        for (byte[] bytes : pages) {
            try (JsonParser p = mapper.getFactory().createParser(bytes)) {
                p.nextToken();
                for (int level = 0; level < path.length; level++) {
                    // to the field of this level, skipping the others
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        if (name.equals(path[level])) {
                            break;
                        }
                        p.skipChildren();
                    }
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode item = mapper.readTree(p);
                    String id = source.endpoint.idOf(item);
                    if (id != null) {
                        sink += id.length();
                    }
                    out.write(source.endpoint.map(item, warnings, ZONE));
                    n++;
                }
            }
        }
        out.finish();
        writer.flush();
        return n;
    }

    /** The tree as ApiClient reads it, parse and idOf as the Pager calls them; with map, the records too. */
    private long tree(Endpoint endpoint, List<byte[]> pages, boolean map) throws IOException {
        Warnings warnings = new Warnings(w -> sink++);
        long n = 0;
        long page = 1;
        for (byte[] bytes : pages) {
            JsonNode body = Json.readTree(bytes);
            Page content = endpoint.parse(body, "page " + page++ + " (HTTP 200)");
            for (JsonNode item : content.items()) {
                String id = endpoint.idOf(item);
                if (id != null) {
                    sink += id.length();
                }
                if (map) {
                    sink += endpoint.map(item, warnings, ZONE).hashCode() & 1;
                }
                n++;
            }
        }
        return n;
    }

    /** Every token of every page; returns the records seen (objects directly in an array of objects). */
    private long bare(List<byte[]> pages) throws IOException {
        long records = 0;
        long tokens = 0;
        for (byte[] page : pages) {
            try (JsonParser p = bareFactory.createParser(page)) {
                int depth = 0;
                int arrayDepth = -1;
                boolean found = false;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens++;
                    if (t == JsonToken.START_OBJECT) {
                        if (depth == arrayDepth + 1 && arrayDepth >= 0) {
                            records++;
                        }
                        depth++;
                    } else if (t == JsonToken.START_ARRAY) {
                        if (!found && p.currentName() != null
                                && (p.currentName().equals("data") || p.currentName().equals("calls")
                                || p.currentName().equals("callSessions"))) {
                            arrayDepth = depth;
                            found = true;
                        }
                        depth++;
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        depth--;
                        if (t == JsonToken.END_ARRAY && depth == arrayDepth) {
                            arrayDepth = -1; // records end with this array
                        }
                    }
                }
            }
        }
        sink += tokens;
        return records;
    }

    private long callx(Endpoint endpoint, List<byte[]> pages, OutputOptions options, Writer writer)
            throws IOException {
        Warnings warnings = new Warnings(w -> sink++);
        RecordWriter records = RecordWriter.open(options, writer);
        long n = 0;
        long page = 1;
        for (byte[] bytes : pages) {
            JsonNode body = Json.readTree(bytes);
            Page content = endpoint.parse(body, "page " + page++ + " (HTTP 200)");
            for (JsonNode item : content.items()) {
                String id = endpoint.idOf(item);
                if (id != null) {
                    sink += id.length();
                }
                CallRecord record = endpoint.map(item, warnings, ZONE);
                records.write(record);
                n++;
            }
        }
        records.finish();
        writer.flush();
        return n;
    }

    /**
     * The CPU time of the whole process (GC and JIT threads included), not wall time: on a shared machine a
     * wall clock also counts the time other processes held the core. Pinned to one core, the two agree
     * when the machine is otherwise idle. On Linux the sum of every thread's schedstat (nanoseconds; the
     * MXBean's process time has 10 ms ticks), else the MXBean's.
     */
    private static long cpuNanos() {
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks != null) {
            long sum = 0;
            try {
                for (File task : tasks) {
                    String stat = Files.readString(new File(task, "schedstat").toPath());
                    sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                }
                return sum;
            } catch (IOException | RuntimeException e) {
                // a thread ended while read, or no schedstat: the MXBean's figure
            }
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** An output stream that keeps only the SHA-256 of what passes. */
    private static final class Digest extends OutputStream {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) {
            sha.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha.update(b, off, len);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
