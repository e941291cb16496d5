package dev.callx.config;

import static dev.callx.config.ConfigFiles.toml;
import static dev.callx.config.ConfigFiles.write;
import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Path;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.5: each platform table of a profile ([profiles.NAME.ravan|vaani|zudu]) gives the platform's
 * base URL and credentials, inline or from a file (api_key_file, token_file, api_secret_file, with
 * {@code ~} for HOME and a relative path beside the config file), and a secret taken from a profile is
 * masked like one from the environment.
 */
class ProfilePlatformsTest {
    private static final String VAANI_KEY = "vk-prof-1b2c3d4e";
    private static final String ZUDU_KEY = "zk-prof-9e8d7c6b";
    private static final String ZUDU_SECRET = "zs-prof-0a1b2c3d";
    private static final String RAVAN_KEY = "rk-prof-7f3a9c2e";
    private static final String RAVAN_TOKEN = "eyJhbGciOi.rt-prof-55d1";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path home;

    /** callx with HOME in the temporary folder and the config file at ~/.config/callx/config.toml. */
    private CallxRunner callx(String config) {
        write(home.resolve(".config/callx/config.toml"), config);
        return CallxRunner.callx().env("HOME", home.toString());
    }

    @Test
    void vaaniTakesItsBaseUrlAndAnApiKeyFileUnderTilde() throws Exception {
        write(home.resolve(".config/callx/vaani-staging.key"), VAANI_KEY + "\n");
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = callx(toml(
                "[profiles.staging]",
                "[profiles.staging.vaani]",
                "base_url = \"" + server.baseUrl() + "\"",
                "api_key_file = \"~/.config/callx/vaani-staging.key\""))
                .run("vaani", "--profile", "staging", "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/call-history");
        assertThat(req.getHeaders().get("X-API-Key")).isEqualTo(VAANI_KEY); // the file's line, newline stripped
        assertThat(r.outLines()).as(r.toString()).hasSize(1);
    }

    @Test
    void vaaniTakesAnInlineApiKeyFromAPrivateFile() throws Exception {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = callx(toml(
                "[profiles.staging.vaani]",
                "base_url = \"" + server.baseUrl() + "\"",
                "api_key = \"" + VAANI_KEY + "\""))
                .env("CALLX_PROFILE", "staging").run("vaani", "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.takeRequest().getHeaders().get("X-API-Key")).isEqualTo(VAANI_KEY);
    }

    @Test
    void zuduTakesAnInlineKeyAndAnApiSecretFileBesideTheConfig() throws Exception {
        write(home.resolve(".config/callx/zudu.secret"), ZUDU_SECRET);
        server.enqueue(json(Api.zuduOnlyPage()));
        Result r = callx(toml(
                "[profiles.prod.zudu]",
                "base_url = \"" + server.baseUrl() + "\"",
                "api_key = \"" + ZUDU_KEY + "\"",
                "api_secret_file = \"zudu.secret\""))
                .run("calls", "--profile", "prod", "--page", "0");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/calls");
        assertThat(req.getHeaders().get("X-API-KEY")).isEqualTo(ZUDU_KEY);
        assertThat(req.getHeaders().get("X-API-SECRET")).isEqualTo(ZUDU_SECRET);
    }

    @Test
    void zuduTakesAnApiKeyFileAndAnInlineSecret() throws Exception {
        Path key = write(home.resolve("keys/zudu.key"), ZUDU_KEY);
        server.enqueue(json(Api.zuduOnlyPage()));
        Result r = callx(toml(
                "[profiles.prod.zudu]",
                "base_url = \"" + server.baseUrl() + "\"",
                "api_key_file = \"" + key + "\"",
                "api_secret = \"" + ZUDU_SECRET + "\""))
                .run("calls", "--profile", "prod", "--page", "0");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeaders().get("X-API-KEY")).isEqualTo(ZUDU_KEY);
        assertThat(req.getHeaders().get("X-API-SECRET")).isEqualTo(ZUDU_SECRET);
    }

    @Test
    void ravanTakesAnApiKeyFileForSessions() throws Exception {
        write(home.resolve("ravan.key"), RAVAN_KEY);
        server.enqueue(json(resource("/api/ravan-call-sessions.json")));
        Result r = callx(toml(
                "[profiles.prod.ravan]",
                "base_url = \"" + server.baseUrl() + "\"",
                "api_key_file = \"~/ravan.key\""))
                .run("sessions", "--profile", "prod", "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/v1/calling/call-sessions");
        assertThat(req.getHeaders().get("X-Api-Key")).isEqualTo(RAVAN_KEY);
    }

    @Test
    void ravanTakesATokenFileForPhoneHistory() throws Exception {
        write(home.resolve("ravan.token"), RAVAN_TOKEN + "\n");
        server.enqueue(json(resource("/api/ravan-phone-history.json")));
        Result r = callx(toml(
                "[profiles.prod.ravan]",
                "base_url = \"" + server.baseUrl() + "\"",
                "token_file = \"~/ravan.token\""))
                .run("phone-history", "+919876543210", "--profile", "prod", "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + RAVAN_TOKEN);
        assertThat(req.getHeaders().get("X-Api-Key")).isNull();
    }

    @Test
    void ravanTakesAnInlineKeyAndToken() throws Exception {
        server.enqueue(json(resource("/api/ravan-contact-calls.json")));
        Result r = callx(toml(
                "[profiles.prod.ravan]",
                "base_url = \"" + server.baseUrl() + "\"",
                "api_key = \"" + RAVAN_KEY + "\"",
                "token = \"" + RAVAN_TOKEN + "\""))
                .run("contact-calls", "ct_0001", "--profile", "prod");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo(RAVAN_KEY);
    }

    @Test
    void anotherPlatformsTableGivesNoCredential() {
        Result r = callx(toml(
                "[profiles.prod.zudu]",
                "api_key = \"" + ZUDU_KEY + "\"",
                "api_secret = \"" + ZUDU_SECRET + "\""))
                .run("vaani", "--profile", "prod", "--base-url", server.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("VAANI_API_KEY");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aMissingCredentialFileIsExit3NamingItBeforeAnyRequest() {
        Result r = callx(toml(
                "[profiles.prod.vaani]",
                "api_key_file = \"~/nowhere/vaani.key\""))
                .run("vaani", "--profile", "prod", "--base-url", server.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: ")
                .contains(home.resolve("nowhere/vaani.key").toString())
                .contains("profiles.prod.vaani.api_key_file").contains("VAANI_API_KEY");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void anEmptyCredentialFileIsExit3() {
        write(home.resolve("empty.key"), "\n");
        Result r = callx(toml(
                "[profiles.prod.vaani]",
                "api_key_file = \"~/empty.key\""))
                .run("vaani", "--profile", "prod", "--base-url", server.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains(home.resolve("empty.key").toString()).contains("empty");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void secretsFromAProfileAreMaskedInErrorsAndInTheVerboseLog() {
        write(home.resolve("zudu.secret"), ZUDU_SECRET);
        // the server echoes the credentials it was sent into its error message
        server.enqueue(json(401, "{\"message\":\"invalid key " + ZUDU_KEY + " with secret " + ZUDU_SECRET
                + "\",\"status\":\"error\"}"));
        Result r = callx(toml(
                "[profiles.prod.zudu]",
                "base_url = \"" + server.baseUrl() + "\"",
                "api_key = \"" + ZUDU_KEY + "\"",
                "api_secret_file = \"~/zudu.secret\""))
                .run("calls", "--profile", "prod", "--page", "0", "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).contains("GET ").contains("401").contains("****")
                .doesNotContain(ZUDU_KEY).doesNotContain(ZUDU_SECRET);
        assertThat(r.out()).as(r.toString()).doesNotContain(ZUDU_KEY).doesNotContain(ZUDU_SECRET);
    }
}
