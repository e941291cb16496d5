package dev.callx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 end to end against the sandbox, without an account: the transcripts of every platform,
 * the recordings' bytes and types, the 404s counted, exit 8, no credential on the storage host, a
 * rerun, the order at any concurrency, redaction. What to expect is read straight from the sandbox
 * over HTTP (java.net.http, not callx) and rendered here by the rule of SPEC section 10 ("role:
 * content" lines), never taken from callx's own code.
 */
class ConversationSandboxTest {
    private static final int CALLS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The audio types the sandbox serves (api-docs/vaani-stream.txt; Zudu's .mp4) and the extension callx gives each. */
    private static final Map<String, String> EXTENSIONS = Map.of("audio/ogg", "ogg", "audio/mpeg", "mp3",
            "audio/mp4", "m4a");

    private static Sandbox sandbox;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxConfig.defaults().withCalls(CALLS)
                .withAnchor(CallxRunner.NOW.truncatedTo(ChronoUnit.MINUTES)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static CallxRunner callx() {
        CallxRunner runner = CallxRunner.callx();
        sandbox.credentials().forEach(runner::env);
        for (String name : new String[] {"RAVAN_BASE_URL", "VAANI_BASE_URL", "ZUDU_BASE_URL"}) {
            runner.env(name, sandbox.baseUrl());
        }
        return runner;
    }

    private record Answer(int status, byte[] body, String contentType) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static Answer get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null));
    }

    private static String[] vaaniKey() {
        return new String[] {"X-API-Key", sandbox.credentials().get("VAANI_API_KEY")};
    }

    private static String[] ravanKey() {
        return new String[] {"X-Api-Key", sandbox.credentials().get("RAVAN_API_KEY")};
    }

    private static List<JsonNode> records(Result r, int... codes) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isIn(codes.length == 0 ? new Integer[] {0}
                : java.util.Arrays.stream(codes).boxed().toArray(Integer[]::new));
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.outLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    /** SPEC 10's rendering of labelled text ("AGENT: ...\n\n USER: ..."): one "role: content" line per turn. */
    private static String labelled(String text, String separator) {
        return Stream.of(text.split(separator)).map(String::strip).map(turn -> {
            int colon = turn.indexOf(':');
            return turn.substring(0, colon).toLowerCase(java.util.Locale.ROOT) + ": " + turn.substring(colon + 1).strip();
        }).collect(Collectors.joining("\n"));
    }

    /** SPEC 10's rendering of Ravan's transcripts array. */
    private static String turns(JsonNode transcripts) {
        if (transcripts == null || transcripts.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        transcripts.forEach(t -> lines.add(t.get("message").get("role").asText() + ": "
                + t.get("message").get("content").asText()));
        return String.join("\n", lines);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static long getLines(Result r, String pathPart) {
        return r.errLines().stream().filter(l -> l.contains(" GET ") && l.contains(pathPart)).count();
    }

    // ---- transcripts ----

    @Test
    void vaaniTranscriptsAreTheEndpointsRenderedAndThe404sAreCounted() throws Exception {
        Result r = callx().run("vaani", "--transcripts", "-v");
        List<JsonNode> records = records(r);
        assertThat(records).hasSize(CALLS);
        int notThere = 0;
        int with = 0;
        for (JsonNode rec : records) {
            String id = rec.get("id").asText();
            Answer a = get(sandbox.baseUrl() + "/api/transcript/" + id, vaaniKey());
            if (a.status() == 404) {
                notThere++;
                assertThat(rec.get("transcript").isNull()).as(id).isTrue();
            } else {
                assertThat(a.status()).isEqualTo(200);
                with++;
                assertThat(text(rec.get("transcript"))).as(id)
                        .isEqualTo(labelled(a.json().get("transcript").asText(), "\n\n"));
            }
        }
        assertThat(notThere).as("the sandbox has calls without a transcript").isPositive();
        assertThat(with).isPositive();
        assertThat(r.err()).contains("transcripts: " + CALLS + " requests, " + with + " fetched, " + notThere
                + " not there yet (404), 0 empty");
        // the cost: one request per call, and the pages (200 a page)
        assertThat(getLines(r, "/api/transcript/")).isEqualTo(CALLS);
        assertThat(getLines(r, "/api/call-history")).isEqualTo(2);
    }

    @Test
    void ravanSessionsTranscriptsAreTheSessionDetails() throws Exception {
        Result r = callx().run("sessions", "--transcripts", "--limit", "60");
        List<JsonNode> records = records(r);
        assertThat(records).hasSize(60);
        int with = 0;
        for (JsonNode rec : records) {
            String id = rec.get("id").asText();
            Answer a = get(sandbox.baseUrl() + "/api/v1/calling/call-sessions-detail/" + id, ravanKey());
            assertThat(a.status()).isEqualTo(200);
            String expected = turns(a.json().get("data").get("transcripts"));
            with += expected == null ? 0 : 1;
            assertThat(text(rec.get("transcript"))).as(id).isEqualTo(expected);
        }
        assertThat(with).isBetween(1, 59);
    }

    @Test
    void contactCallsTranscriptsAreTheSessionDetailsToo() throws Exception {
        Result r = callx().run("contact-calls", sandbox.exampleContactId(), "--transcripts");
        List<JsonNode> records = records(r);
        assertThat(records).isNotEmpty();
        for (JsonNode rec : records) {
            Answer a = get(sandbox.baseUrl() + "/api/v1/calling/call-sessions-detail/" + rec.get("id").asText(),
                    ravanKey());
            assertThat(text(rec.get("transcript"))).isEqualTo(turns(a.json().get("data").get("transcripts")));
        }
    }

    @Test
    void phoneHistoryAndZuduTranscriptsComeFromTheirPagesInTheSameRendering() throws Exception {
        String phone = sandbox.examplePhone();
        Answer page = get(sandbox.baseUrl() + "/api/v1/calling/phone-history?page_size=100&include_transcripts=true"
                + "&phone=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8), ravanKey());
        Result r = callx().run("phone-history", phone, "--transcripts", "-v");
        List<JsonNode> records = records(r);
        JsonNode calls = page.json().get("calls");
        assertThat(records).hasSize(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            assertThat(text(records.get(i).get("transcript"))).isEqualTo(turns(calls.get(i).get("transcripts")));
        }
        assertThat(r.err()).doesNotContain("call-sessions-detail");

        Result z = callx().run("calls", "--transcripts", "--limit", "100", "-v");
        List<JsonNode> zudu = records(z);
        Answer zpage = get(sandbox.baseUrl() + "/api/calls?page=0&limit=100", "X-API-KEY",
                sandbox.credentials().get("ZUDU_API_KEY"), "X-API-SECRET", sandbox.credentials().get("ZUDU_API_SECRET"));
        JsonNode zcalls = zpage.json().get("data").get("calls");
        for (int i = 0; i < zudu.size(); i++) {
            String raw = text(zcalls.get(i).get("transcript"));
            assertThat(text(zudu.get(i).get("transcript"))).isEqualTo(raw == null ? null : labelled(raw, "\n"));
        }
        assertThat(getLines(z, "/api/calls")).isEqualTo(1);
    }

    // ---- recordings ----

    /** Every record's recording as the sandbox serves it, against what callx left in DIR. */
    private void assertRecordings(List<JsonNode> records, Path dir, String provider, Set<String> missing)
            throws Exception {
        int files = 0;
        for (JsonNode rec : records) {
            String id = rec.get("id").asText();
            String url = text(rec.get("recording_url"));
            if (url == null) {
                assertThat(rec.get("recording_file").isNull()).isTrue();
                continue;
            }
            boolean own = url.startsWith(sandbox.baseUrl() + "/");
            Answer a = own ? get(url, provider.equals("vaani") ? vaaniKey() : ravanKey()) : get(url);
            if (a.status() == 404) {
                missing.add(id);
                assertThat(rec.get("recording_file").isNull()).as(id).isTrue();
                continue;
            }
            assertThat(a.status()).as(url).isEqualTo(200);
            String relative = provider + "/" + id + "." + EXTENSIONS.get(a.contentType());
            assertThat(text(rec.get("recording_file"))).isEqualTo(relative);
            assertThat(Files.readAllBytes(dir.resolve(relative))).as(relative).isEqualTo(a.body());
            files++;
        }
        assertThat(files).isPositive();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).count()).as("only the recordings, no temporary file")
                    .isEqualTo(files);
        }
    }

    @Test
    void vaaniRecordingsAreTheStreamsBytesUnderTheirTypesExtensionAndThe404sMakeItPartial() throws Exception {
        Path dir = tmp.resolve("rec");
        Result r = callx().run("vaani", "--recordings", dir.toString(), "--limit", "80", "-v");
        List<JsonNode> records = records(r, 0, 8);
        Set<String> missing = new LinkedHashSet<>();
        assertRecordings(records, dir, "vaani", missing);
        // the cost: one request per call with a recording URL, none for the others, no transcript request
        long withUrl = records.stream().filter(rec -> !rec.get("recording_url").isNull()).count();
        assertThat(withUrl).isBetween(1L, 79L);
        assertThat(getLines(r, "/api/stream/")).isEqualTo(withUrl);
        assertThat(getLines(r, "/api/transcript/")).isZero();
        assertThat(missing).as("the sandbox has answered calls without a recording").isNotEmpty();
        assertThat(r.exitCode()).isEqualTo(8);
        for (String id : missing) {
            assertThat(r.err()).contains("the recording of call " + id + " is not there (HTTP 404)");
        }
        assertThat(r.err()).contains(missing.size() + " of ");
    }

    @Test
    void presignedRecordingsAreFetchedWithoutAnyCredential() throws Exception {
        // the storage refuses a request with a platform credential (400): with one sent, every download would fail
        Result z = callx().run("calls", "--limit", "60");
        String someUrl = records(z).stream().map(rec -> text(rec.get("recording_url"))).filter(u -> u != null)
                .findFirst().orElseThrow();
        assertThat(someUrl).startsWith(sandbox.storageUrl());
        assertThat(get(someUrl, "X-API-KEY", "k").status()).isEqualTo(400);

        for (String command : new String[] {"calls", "sessions"}) {
            Path dir = tmp.resolve(command);
            Result r = callx().run(command, "--recordings", dir.toString(), "--limit", "60");
            List<JsonNode> records = records(r, 0, 8);
            Set<String> missing = new LinkedHashSet<>();
            assertRecordings(records, dir, command.equals("calls") ? "zudu" : "ravan", missing);
            assertThat(r.exitCode()).isEqualTo(missing.isEmpty() ? 0 : 8);
            assertThat(r.err()).doesNotContain("HTTP 400");
        }
    }

    @Test
    void phoneHistoryRecordingsComeFromThePlatformsOwnApiWithItsCredential() throws Exception {
        Path dir = tmp.resolve("rec");
        CallxRunner runner = callx();
        runner.env("RAVAN_API_KEY", ""); // the Bearer token alone: it must go to the API's recording URL
        Result r = runner.run("phone-history", sandbox.examplePhone(), "--recordings", dir.toString());
        List<JsonNode> records = records(r, 0, 8);
        assertThat(records).allSatisfy(rec -> {
            String url = text(rec.get("recording_url"));
            assertThat(url == null || url.startsWith(sandbox.baseUrl() + "/api/v1/calling/sessions/")).isTrue();
        });
        Set<String> missing = new LinkedHashSet<>();
        assertRecordings(records, dir, "ravan", missing);
    }

    @Test
    void aRerunDownloadsOnlyWhatIsMissing() throws Exception {
        Path dir = tmp.resolve("rec");
        Result first = callx().run("calls", "--recordings", dir.toString(), "--limit", "40", "-v");
        List<JsonNode> records = records(first, 0, 8);
        List<Path> files = records.stream().map(rec -> text(rec.get("recording_file"))).filter(f -> f != null)
                .map(dir::resolve).toList();
        assertThat(files).hasSizeGreaterThan(3);
        byte[] whole = Files.readAllBytes(files.get(0));
        Files.delete(files.get(0));
        Files.write(files.get(1), new byte[] {'x'});
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(0);
        for (Path f : files.subList(2, files.size())) {
            Files.setLastModifiedTime(f, old);
        }
        Result again = callx().run("calls", "--recordings", dir.toString(), "--limit", "40", "-v");
        assertThat(again.exitCode()).isEqualTo(first.exitCode());
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(Files.readAllBytes(files.get(0))).isEqualTo(whole);
        assertThat(Files.size(files.get(1))).isGreaterThan(1);
        for (Path f : files.subList(2, files.size())) {
            assertThat(Files.getLastModifiedTime(f)).as(f + " was not written again").isEqualTo(old);
        }
        Matcher m = Pattern.compile("recordings: 2 downloaded \\(\\d+ bytes\\), (\\d+) already there")
                .matcher(again.err());
        assertThat(m.find()).as(again.err()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(files.size() - 2);
    }

    @Test
    void theOrderOfRecordsIsTheSameWithEightRequestsInFlightAsWithOne() throws Exception {
        Path dir = tmp.resolve("rec");
        Result one = callx().run("vaani", "--transcripts", "--recordings", dir.toString(), "--concurrency", "1",
                "--limit", "120");
        Result eight = callx().run("vaani", "--transcripts", "--recordings", tmp.resolve("rec8").toString(),
                "--concurrency", "8", "--limit", "120");
        assertThat(records(one, 8)).hasSize(120);
        assertThat(eight.exitCode()).isEqualTo(8);
        assertThat(eight.out()).isEqualTo(one.out());
        // the same messages, in the same order; the summary line at the end (issue 9.4) counts this run's
        // requests and time, which the read-ahead and the machine change
        assertThat(withoutSummary(eight)).isEqualTo(withoutSummary(one));
        assertThat(eight.errLines().get(eight.errLines().size() - 1)).startsWith("callx vaani: wrote 120 records (");
    }

    // ---- redaction ----

    /** Every phone number and e-mail address in the platform's answer for these records. */
    private static Set<String> personalValues(List<JsonNode> raw) {
        Set<String> values = new LinkedHashSet<>();
        Pattern phone = Pattern.compile("\\+\\d{8,15}");
        Pattern email = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
        for (JsonNode r : raw) {
            for (Pattern p : new Pattern[] {phone, email}) {
                Matcher m = p.matcher(r.toString());
                while (m.find()) {
                    values.add(m.group());
                }
            }
        }
        return values;
    }

    @Test
    void redactionCoversEveryFormatAndRawAndSaysWhichOnce() throws Exception {
        List<JsonNode> raw = records(callx().run("sessions", "--raw", "--limit", "50"));
        Set<String> personal = personalValues(raw);
        assertThat(personal).hasSizeGreaterThan(10);
        List<String> ids = raw.stream().map(r -> r.get("id").asText()).toList();
        for (String[] format : List.of(new String[] {"-o", "jsonl"}, new String[] {"-o", "csv"},
                new String[] {"-o", "json"}, new String[] {"--raw"}, new String[] {"--raw", "-o", "json"})) {
            List<String> args = new ArrayList<>(List.of("sessions", "--redact", "--limit", "50", "--transcripts"));
            args.addAll(List.of(format));
            Result r = callx().run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            for (String value : personal) {
                assertThat(r.out()).as(String.join(" ", format) + ": " + value).doesNotContain(value);
            }
            for (String id : ids) {
                assertThat(r.out()).as("ids stay").contains(id);
            }
            assertThat(withoutSummary(r)).as(r.toString()).containsExactly("callx sessions: --redact: personal data "
                    + "replaced by fixed masks ([phone], [email], [name], [card]); set CALLX_REDACT_KEY for tokens that "
                    + "keep the same value joinable");
        }
    }

    @Test
    void withAKeyTheSameNumberIsTheSameTokenInEveryRun() throws Exception {
        CallxRunner keyed = callx().env("CALLX_REDACT_KEY", "0123456789abcdef0123456789abcdef");
        Result a = keyed.run("vaani", "--redact", "--limit", "20", "--fields", "id,from_number,to_number");
        Result b = keyed.run("vaani", "--redact", "--limit", "20", "--fields", "id,from_number,to_number");
        List<JsonNode> first = records(a);
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(first).allSatisfy(r -> assertThat(r.get("from_number").asText()).matches("tel:[0-9a-f]{8,}"));
        assertThat(a.err()).contains("personal data replaced by tokens keyed with CALLX_REDACT_KEY");
        List<JsonNode> plain = records(callx().run("vaani", "--limit", "20", "--fields", "id,from_number"));
        assertThat(first).extracting(r -> r.get("id").asText())
                .containsExactlyElementsOf(plain.stream().map(r -> r.get("id").asText()).toList());
    }

    /** The lines on stderr but the summary line that ends every run (issue 9.4). */
    private static java.util.List<String> withoutSummary(Result r) {
        java.util.List<String> lines = r.errLines();
        assertThat(lines).as(r.toString()).isNotEmpty();
        assertThat(lines.get(lines.size() - 1)).as(r.toString()).containsPattern(" retr(y|ies)(, [0-9,]+ [a-z ]+)*, [0-9.]+s\\)");
        return lines.subList(0, lines.size() - 1);
    }
}
