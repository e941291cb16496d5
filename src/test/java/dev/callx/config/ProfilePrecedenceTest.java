package dev.callx.config;

import static dev.callx.config.ConfigFiles.toml;
import static dev.callx.config.ConfigFiles.write;
import static dev.callx.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.5 and SPEC 3: every option's precedence is the command line, then the environment, then the
 * profile, then the built-in default; one test per layer. The profile is chosen by --profile, else
 * CALLX_PROFILE, and the file is found through CALLX_CONFIG, $XDG_CONFIG_HOME or ~/.config.
 */
class ProfilePrecedenceTest {
    private static final String VAANI_KEY = "vk-env-1b2c3d4e";
    private static final String PROFILE_KEY = "vk-prof-5f6a7b8c";
    /** Vaani's documented call starts at 2026-04-21T12:27:23.335803, read in UTC (--assume-tz default). */
    private static final String STARTED_UTC = "2026-04-21T12:27:23";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    /** A second platform, where a setting that must lose points: it must get no request. */
    @RegisterExtension
    final PlatformServer loser = new PlatformServer();

    @TempDir
    Path dir;

    private Path config(String text) {
        return write(dir.resolve("config.toml"), text);
    }

    private CallxRunner callx(Path config) {
        return CallxRunner.callx().env("CALLX_CONFIG", config.toString()).env("VAANI_API_KEY", VAANI_KEY);
    }

    /** The started_at of the one record of a csv export with only that field. */
    private static String startedAt(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(2);
        return r.outLines().get(1);
    }

    private Result vaani(CallxRunner callx, String... more) {
        server.enqueue(json(Api.vaaniOnlyPage()));
        String[] args = new String[more.length + 7];
        System.arraycopy(new String[] {"vaani", "--page", "1", "-o", "csv", "--fields", "started_at"}, 0, args, 0, 7);
        System.arraycopy(more, 0, args, 7, more.length);
        return callx.run(args);
    }

    // ---- an option without an environment variable: --tz ----

    @Test
    void builtInDefaultWhenTheProfileDoesNotSetTheOption() {
        Path config = config(toml("[profiles.staging]", "output = \"csv\"",
                "[profiles.staging.vaani]", "base_url = \"" + server.baseUrl() + "\""));

        String started = startedAt(vaani(callx(config), "--profile", "staging"));
        assertThat(started).startsWith(STARTED_UTC).endsWith("Z");
    }

    @Test
    void theProfileWinsOverTheBuiltInDefault() {
        Path config = config(toml("[profiles.staging]", "tz = \"Asia/Kolkata\"",
                "[profiles.staging.vaani]", "base_url = \"" + server.baseUrl() + "\""));

        String started = startedAt(vaani(callx(config), "--profile", "staging"));
        assertThat(started).startsWith("2026-04-21T17:57:23").endsWith("+05:30");
    }

    @Test
    void theCommandLineWinsOverTheProfile() {
        Path config = config(toml("[profiles.staging]", "tz = \"Asia/Kolkata\"",
                "[profiles.staging.vaani]", "base_url = \"" + server.baseUrl() + "\""));

        String started = startedAt(vaani(callx(config), "--profile", "staging", "--tz", "+01:00"));
        assertThat(started).startsWith("2026-04-21T13:27:23").endsWith("+01:00");
    }

    @Test
    void noProfileNoProfileDefaults() {
        Path config = config(toml("[profiles.staging]", "tz = \"Asia/Kolkata\""));

        String started = startedAt(vaani(callx(config), "--base-url", server.baseUrl()));
        assertThat(started).startsWith(STARTED_UTC).endsWith("Z");
    }

    @Test
    void numbersFlagsAndSnakeCaseNamesAreOptionDefaults() throws Exception {
        Path config = config(toml("[profiles.staging]", "page_size = 7", "no-header = true", "output = \"csv\"",
                "fields = \"id\""));
        server.enqueue(json(Api.vaaniOnlyPage()));

        Result r = callx(config).run("vaani", "--profile", "staging", "--base-url", server.baseUrl(), "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.takeRequest().getUrl().queryParameter("page_size")).isEqualTo("7");
        assertThat(r.outLines()).as(r.toString()).containsExactly("outbound-1776774443-863aa698");
    }

    @Test
    void theGlobalOptionsAreNotProfileKeys() {
        // -q, -v and --progress belong to one run (CALLX_PROGRESS sets --progress): a profile says so
        Path config = config(toml("[profiles.staging]", "quiet = true"));

        Result r = callx(config).run("vaani", "--profile", "staging", "--base-url", server.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains(config.toString()).contains("'quiet'")
                .contains("-q is given per run");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aBadValueFromTheProfileIsAUsageErrorNamingTheProfile() {
        Path config = config(toml("[profiles.staging]", "concurrency = \"four\""));

        Result r = callx(config).run("vaani", "--profile", "staging", "--base-url", server.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: ").contains("--concurrency").contains("four")
                .contains("profile staging of " + config);
        assertThat(server.requestCount()).isZero();
    }

    // ---- the base URL: command line, environment, profile ----

    @Test
    void theProfilesBaseUrlIsUsedWhenNothingElseSetsIt() {
        Path config = config(toml("[profiles.staging.vaani]", "base_url = \"" + server.baseUrl() + "\""));

        assertThat(startedAt(vaani(callx(config), "--profile", "staging"))).startsWith(STARTED_UTC);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theEnvironmentWinsOverTheProfilesBaseUrl() {
        Path config = config(toml("[profiles.staging.vaani]", "base_url = \"" + loser.baseUrl() + "\""));

        Result r = vaani(callx(config).env("VAANI_BASE_URL", server.baseUrl()), "--profile", "staging");

        assertThat(startedAt(r)).startsWith(STARTED_UTC);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(loser.requestCount()).isZero();
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentAndTheProfile() {
        Path config = config(toml("[profiles.staging.vaani]", "base_url = \"" + loser.baseUrl() + "\""));

        Result r = vaani(callx(config).env("VAANI_BASE_URL", loser.baseUrl()), "--profile", "staging",
                "--base-url", server.baseUrl());

        assertThat(startedAt(r)).startsWith(STARTED_UTC);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(loser.requestCount()).isZero();
    }

    // ---- credentials: the environment, then the profile ----

    @Test
    void theEnvironmentsCredentialWinsOverTheProfiles() throws Exception {
        // the profile's key file does not exist: with the key in the environment it is not even read
        Path config = config(toml("[profiles.staging.vaani]", "base_url = \"" + server.baseUrl() + "\"",
                "api_key_file = \"" + dir.resolve("missing.key") + "\""));

        Result r = vaani(callx(config), "--profile", "staging");

        assertThat(startedAt(r)).startsWith(STARTED_UTC);
        assertThat(server.takeRequest().getHeaders().get("X-API-Key")).isEqualTo(VAANI_KEY);
    }

    @Test
    void theProfilesCredentialIsUsedWhenTheEnvironmentHasNone() throws Exception {
        Path config = config(toml("[profiles.staging.vaani]", "base_url = \"" + server.baseUrl() + "\"",
                "api_key = \"" + PROFILE_KEY + "\""));

        Result r = vaani(CallxRunner.callx().env("CALLX_CONFIG", config.toString()), "--profile", "staging");

        assertThat(startedAt(r)).startsWith(STARTED_UTC);
        assertThat(server.takeRequest().getHeaders().get("X-API-Key")).isEqualTo(PROFILE_KEY);
    }

    // ---- which profile, which file ----

    @Test
    void callxProfileSelectsAndTheOptionWinsOverIt() {
        Path config = config(toml(
                "[profiles.india]", "tz = \"Asia/Kolkata\"", "[profiles.india.vaani]", "base_url = \"" + server.baseUrl() + "\"",
                "[profiles.paris]", "tz = \"+01:00\"", "[profiles.paris.vaani]", "base_url = \"" + server.baseUrl() + "\""));

        assertThat(startedAt(vaani(callx(config).env("CALLX_PROFILE", "india")))).endsWith("+05:30");
        assertThat(startedAt(vaani(callx(config).env("CALLX_PROFILE", "india"), "--profile", "paris")))
                .endsWith("+01:00");
    }

    @Test
    void theFileIsFoundUnderXdgConfigHome() {
        write(dir.resolve("xdg/callx/config.toml"), toml("[profiles.x]", "tz = \"Asia/Kolkata\"",
                "[profiles.x.vaani]", "base_url = \"" + server.baseUrl() + "\""));
        write(dir.resolve("home/.config/callx/config.toml"), toml("[profiles.x]", "tz = \"+01:00\""));
        CallxRunner callx = CallxRunner.callx().env("VAANI_API_KEY", VAANI_KEY)
                .env("XDG_CONFIG_HOME", dir.resolve("xdg").toString()).env("HOME", dir.resolve("home").toString());

        assertThat(startedAt(vaani(callx, "--profile", "x"))).endsWith("+05:30");
    }

    @Test
    void theFileIsFoundUnderHomeWithoutXdgConfigHome() {
        write(dir.resolve("home/.config/callx/config.toml"), toml("[profiles.x]", "tz = \"+01:00\"",
                "[profiles.x.vaani]", "base_url = \"" + server.baseUrl() + "\""));
        CallxRunner callx = CallxRunner.callx().env("VAANI_API_KEY", VAANI_KEY)
                .env("HOME", dir.resolve("home").toString());

        assertThat(startedAt(vaani(callx, "--profile", "x"))).endsWith("+01:00");
    }

    @Test
    void callxConfigWinsOverXdgConfigHome() {
        write(dir.resolve("xdg/callx/config.toml"), toml("[profiles.x]", "tz = \"+01:00\""));
        Path config = config(toml("[profiles.x]", "tz = \"Asia/Kolkata\"",
                "[profiles.x.vaani]", "base_url = \"" + server.baseUrl() + "\""));
        CallxRunner callx = callx(config).env("XDG_CONFIG_HOME", dir.resolve("xdg").toString());

        assertThat(startedAt(vaani(callx, "--profile", "x"))).endsWith("+05:30");
    }
}
