package dev.callx.sandbox;

import static dev.callx.sandbox.SandboxHttp.enc;
import static dev.callx.sandbox.SandboxHttp.fetch;
import static dev.callx.sandbox.SandboxHttp.get;
import static dev.callx.sandbox.SandboxHttp.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recordings: Vaani's stream endpoint (api-docs/vaani-stream.txt), Ravan's recording endpoint
 * (phone-history's recording_url) and the pre-signed storage URLs of Zudu and Ravan call sessions.
 */
class SandboxRecordingTest {

    static final String VAANI_NOT_FOUND =
            "{\"status_code\":404,\"error\":\"Not Found\",\"message\":\"Audio file not found\",\"code\":\"NOT_FOUND\"}";

    static Sandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxHttp.config(1000));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static String ascii(byte[] b, int from, int to) {
        return new String(Arrays.copyOfRange(b, from, to), StandardCharsets.ISO_8859_1);
    }

    /** The magic bytes of the format its Content-Type names. */
    static void assertAudio(SandboxHttp.Bytes r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentLength()).isEqualTo(r.body().length).isGreaterThan(2048);
        switch (r.contentType()) {
            case "audio/ogg":
                assertThat(ascii(r.body(), 0, 4)).isEqualTo("OggS");
                break;
            case "audio/mpeg":
                assertThat(ascii(r.body(), 0, 3)).isEqualTo("ID3");
                break;
            case "audio/mp4":
                assertThat(ascii(r.body(), 4, 8)).isEqualTo("ftyp");
                break;
            default:
                throw new AssertionError("unexpected Content-Type " + r.contentType());
        }
    }

    static String[] vaaniKey() {
        return SandboxHttp.vaaniKey(sandbox);
    }

    @Test
    void vaaniStreamServesOggOrMpegWithItsLengthAndA404ForAFew() {
        List<JsonNode> calls = list(get(sandbox, "/api/call-history?page_size=200", vaaniKey()).json().get("data"));
        Set<String> types = new HashSet<>();
        int answered = 0;
        int missing = 0;
        for (JsonNode call : calls) {
            JsonNode url = call.get("recording_api");
            if (url.isNull()) {
                SandboxHttp.Bytes none = fetch("GET", sandbox.baseUrl() + "/api/stream/" + call.get("call_id").asText(),
                        vaaniKey());
                assertThat(none.status()).isEqualTo(404);
                assertThat(none.text()).isEqualTo(VAANI_NOT_FOUND);
                continue;
            }
            answered++;
            assertThat(url.asText()).isEqualTo(sandbox.baseUrl() + "/api/stream/" + call.get("call_id").asText());
            SandboxHttp.Bytes r = fetch("GET", url.asText(), vaaniKey());
            if (r.status() == 404) {
                missing++;
                assertThat(r.text()).isEqualTo(VAANI_NOT_FOUND);
                assertThat(r.contentType()).startsWith("application/json");
                continue;
            }
            assertAudio(r);
            types.add(r.contentType());
        }
        assertThat(types).containsExactlyInAnyOrder("audio/ogg", "audio/mpeg");
        assertThat(answered).isGreaterThan(100);
        assertThat(missing).as("%d of %d", missing, answered).isBetween(1, answered * 12 / 100);
    }

    @Test
    void vaaniStreamIsDeterministicAndNeedsTheKey() throws IOException {
        String id = firstVaaniRecording();
        byte[] first = fetch("GET", sandbox.baseUrl() + "/api/stream/" + id, vaaniKey()).body();
        assertThat(fetch("GET", sandbox.baseUrl() + "/api/stream/" + id, vaaniKey()).body()).isEqualTo(first);
        try (Sandbox other = Sandbox.start(SandboxHttp.config(1000))) {
            assertThat(fetch("GET", other.baseUrl() + "/api/stream/" + id, SandboxHttp.vaaniKey(other)).body())
                    .isEqualTo(first);
        }
        try (Sandbox otherSeed = Sandbox.start(SandboxHttp.config(1000).withSeed(7))) {
            assertThat(fetch("GET", otherSeed.baseUrl() + "/api/stream/" + id, SandboxHttp.vaaniKey(otherSeed)).status())
                    .as("another seed, other call ids").isEqualTo(404);
        }
        SandboxHttp.Bytes anonymous = fetch("GET", sandbox.baseUrl() + "/api/stream/" + id);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asText()).isEqualTo("Invalid API key");
        assertThat(fetch("POST", sandbox.baseUrl() + "/api/stream/" + id, vaaniKey()).status()).isEqualTo(405);
    }

    private static String firstVaaniRecording() {
        for (JsonNode call : list(get(sandbox, "/api/call-history?page_size=50", vaaniKey()).json().get("data"))) {
            if (!call.get("recording_api").isNull()
                    && fetch("GET", call.get("recording_api").asText(), vaaniKey()).status() == 200) {
                return call.get("call_id").asText();
            }
        }
        throw new AssertionError("no recording in the first page");
    }

    @Test
    void ravanPhoneHistoryRecordingsOnThePlatformsOwnApi() {
        List<JsonNode> calls = list(get(sandbox, "/api/v1/calling/phone-history?page_size=100&phone="
                + enc(sandbox.examplePhone()), SandboxHttp.ravanKey(sandbox)).json().get("calls"));
        int served = 0;
        for (JsonNode call : calls) {
            JsonNode url = call.get("recording_url");
            if (url.isNull()) {
                assertThat(call.get("status").asText()).isNotEqualTo("completed");
                continue;
            }
            assertThat(url.asText()).isEqualTo(sandbox.baseUrl() + "/api/v1/calling/sessions/" + call.get("id").asText()
                    + "/recording");
            SandboxHttp.Bytes byKey = fetch("GET", url.asText(), SandboxHttp.ravanKey(sandbox));
            if (byKey.status() == 404) {
                assertThat(byKey.text()).isEqualTo("{\"success\":false,\"message\":\"recording not found\"}");
                continue;
            }
            assertAudio(byKey);
            assertThat(byKey.contentType()).isIn("audio/ogg", "audio/mpeg");
            SandboxHttp.Bytes byToken = fetch("GET", url.asText(), SandboxHttp.ravanBearer(sandbox));
            assertThat(byToken.body()).isEqualTo(byKey.body());
            assertThat(fetch("GET", url.asText()).status()).isEqualTo(401);
            served++;
        }
        assertThat(served).isGreaterThan(10);
    }

    @Test
    void zuduRecordingUrlsArePreSignedStorageOnAnotherOrigin() {
        List<JsonNode> calls = list(get(sandbox, "/api/calls?limit=200", SandboxHttp.zuduKeys(sandbox)).json()
                .get("data").get("calls"));
        URI storage = URI.create(sandbox.storageUrl());
        assertThat(storage.getHost()).isEqualTo("127.0.0.1");
        assertThat(storage.getPort()).isNotEqualTo(sandbox.port());
        int answered = 0;
        int missing = 0;
        for (JsonNode call : calls) {
            JsonNode url = call.get("recording_url");
            if (url.isNull()) {
                assertThat(call.get("call_status").asText()).isNotEqualTo("ENDED");
                continue;
            }
            answered++;
            assertThat(url.asText()).startsWith(sandbox.storageUrl() + "/recordings/zudu/" + call.get("call_id").asText()
                    + ".mp4?expires=").contains("&signature=").doesNotContain("sandbox-zudu");
            SandboxHttp.Bytes r = fetch("GET", url.asText());
            if (r.status() == 404) {
                missing++;
                assertThat(r.contentType()).isEqualTo("application/xml");
                assertThat(r.text()).contains("<Code>BlobNotFound</Code>");
                continue;
            }
            assertAudio(r);
            assertThat(r.contentType()).isEqualTo("audio/mp4");
        }
        assertThat(answered).isGreaterThan(100);
        assertThat(missing).as("%d of %d", missing, answered).isBetween(1, answered * 12 / 100);
    }

    @Test
    void ravanSessionRecordingUrlsArePreSignedToo() {
        List<JsonNode> sessions = list(get(sandbox, "/api/v1/calling/call-sessions?page_size=50",
                SandboxHttp.ravanKey(sandbox)).json().get("data").get("callSessions"));
        int served = 0;
        for (JsonNode s : sessions) {
            JsonNode url = s.get("recordingUrl");
            if (url.isNull()) {
                continue;
            }
            assertThat(url.asText()).startsWith(sandbox.storageUrl() + "/recordings/ravan/" + s.get("id").asText() + ".ogg?");
            SandboxHttp.Bytes r = fetch("GET", url.asText());
            if (r.status() == 200) {
                assertAudio(r);
                assertThat(r.contentType()).isEqualTo("audio/ogg");
                served++;
            } else {
                assertThat(r.status()).isEqualTo(404);
            }
        }
        assertThat(served).isGreaterThan(10);
    }

    @Test
    void storageRefusesCredentialsAndBadSignaturesAndAnswersHead() {
        String url = firstStoredRecording();
        SandboxHttp.Bytes ok = fetch("GET", url);
        assertAudio(ok);
        SandboxHttp.Bytes head = fetch("HEAD", url);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.contentLength()).isEqualTo(ok.body().length);
        assertThat(head.contentType()).isEqualTo("audio/mp4");
        for (String[] credential : List.of(SandboxHttp.zuduKeys(sandbox), SandboxHttp.ravanKey(sandbox),
                SandboxHttp.ravanBearer(sandbox), new String[] {"X-API-SECRET", "x"})) {
            SandboxHttp.Bytes refused = fetch("GET", url, credential);
            assertThat(refused.status()).as(credential[0]).isEqualTo(400);
            assertThat(refused.text()).contains("<Code>InvalidArgument</Code>");
        }
        String tampered = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
        assertThat(fetch("GET", tampered).status()).isEqualTo(403);
        assertThat(fetch("GET", url.substring(0, url.indexOf('?'))).text()).contains("<Code>AuthenticationFailed</Code>");
        String otherObject = url.replaceFirst("/recordings/zudu/call_", "/recordings/zudu/call_0");
        assertThat(fetch("GET", otherObject).status()).as("a signature is for one object").isEqualTo(403);
        assertThat(fetch("POST", url).status()).isEqualTo(405);
        assertThat(fetch("GET", sandbox.storageUrl() + "/elsewhere").status()).isEqualTo(404);
        assertThat(fetch("GET", sandbox.baseUrl() + URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery())
                .status()).as("the platforms' origin does not serve storage paths").isEqualTo(404);
    }

    @Test
    void storageUrlsAreTheSameInAnotherSandboxButForThePort() throws IOException {
        String url = firstStoredRecording();
        byte[] bytes = fetch("GET", url).body();
        try (Sandbox other = Sandbox.start(SandboxHttp.config(1000))) {
            String again = list(get(other, "/api/calls?limit=50", SandboxHttp.zuduKeys(other)).json().get("data")
                    .get("calls")).stream().map(c -> c.get("recording_url").asText(""))
                    .filter(u -> u.replace(other.storageUrl(), "").equals(url.replace(sandbox.storageUrl(), "")))
                    .findFirst().orElseThrow();
            assertThat(fetch("GET", again).body()).isEqualTo(bytes);
        }
    }

    private static String firstStoredRecording() {
        for (JsonNode call : list(get(sandbox, "/api/calls?limit=50", SandboxHttp.zuduKeys(sandbox)).json()
                .get("data").get("calls"))) {
            String url = call.get("recording_url").asText(null);
            if (url != null && fetch("GET", url).status() == 200) {
                return url;
            }
        }
        throw new AssertionError("no stored recording in the first page");
    }
}
