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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9.5: a config file that cannot be used stops the export before any request. An unknown key
 * (a typo must not drop a setting silently), an unknown profile, or a file that is not TOML is a usage
 * error (exit 2) naming it; an inline secret in a file group or others can read is refused as ssh
 * refuses such a key (exit 3, naming the file and the chmod 600 to run).
 */
class ConfigFileErrorsTest {
    private static final String VAANI_KEY = "vk-prof-1b2c3d4e";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    private Path config(String text) {
        return write(dir.resolve("config.toml"), text);
    }

    private Result vaani(Path config, String... profileArgs) {
        String[] args = new String[profileArgs.length + 3];
        args[0] = "vaani";
        args[1] = "--base-url";
        args[2] = server.baseUrl();
        System.arraycopy(profileArgs, 0, args, 3, profileArgs.length);
        return CallxRunner.callx().env("CALLX_CONFIG", config.toString()).env("VAANI_API_KEY", VAANI_KEY).run(args);
    }

    /** Exit 2, one line that starts with the command, names the file and says {@code what}. */
    private void assertUsageError(Result r, Path config, String... what) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: ").contains(config.toString()).contains(what);
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    @Test
    void anUnknownOptionKeyIsExit2NamingItWithTheNearestName() {
        Path config = config(toml("[profiles.staging]", "outptu = \"csv\""));

        assertUsageError(vaani(config, "--profile", "staging"), config, "unknown key 'outptu'",
                "[profiles.staging]", "did you mean 'output'?");
    }

    @Test
    void anUnknownKeyInAPlatformTableIsExit2ListingWhatTheTableTakes() {
        Path config = config(toml("[profiles.staging.zudu]", "api_secret_fiel = \"x\""));

        assertUsageError(vaani(config, "--profile", "staging"), config, "unknown key 'api_secret_fiel'",
                "[profiles.staging.zudu]", "api_key_file", "did you mean 'api_secret_file'?");
    }

    @Test
    void aCredentialOfAnotherPlatformIsAnUnknownKey() {
        Path config = config(toml("[profiles.staging.vaani]", "token_file = \"x\""));

        assertUsageError(vaani(config, "--profile", "staging"), config, "unknown key 'token_file'",
                "[profiles.staging.vaani]");
    }

    @Test
    void anUnknownTopLevelKeyIsExit2() {
        Path config = config(toml("output = \"csv\"", "[profiles.staging]"));

        assertUsageError(vaani(config, "--profile", "staging"), config, "unknown key 'output'", "top level");
    }

    @Test
    void anUnknownKeyInAProfileNotSelectedIsExit2Too() {
        // the whole file is checked: a typo in another profile is found the first time the file is used
        Path config = config(toml("[profiles.staging]", "tz = \"UTC\"", "[profiles.prod]", "concurency = 4"));

        assertUsageError(vaani(config, "--profile", "staging"), config, "unknown key 'concurency'",
                "[profiles.prod]", "did you mean 'concurrency'?");
    }

    @Test
    void aPlatformTableThatIsNotATableIsExit2() {
        Path config = config(toml("[profiles.staging]", "vaani = \"https://vaani.example\""));

        assertUsageError(vaani(config, "--profile", "staging"), config, "'vaani'", "[profiles.staging.vaani]");
    }

    @Test
    void baseUrlBelongsInThePlatformTable() {
        Path config = config(toml("[profiles.staging]", "base_url = \"https://vaani.example\""));

        assertUsageError(vaani(config, "--profile", "staging"), config, "'base_url'",
                "[profiles.NAME.ravan|vaani|zudu]");
    }

    @Test
    void aCredentialAndItsFileTogetherIsExit2() {
        Path config = config(toml("[profiles.staging.vaani]", "api_key = \"k\"", "api_key_file = \"k.key\""));

        assertUsageError(vaani(config, "--profile", "staging"), config, "api_key", "api_key_file", "keep one");
    }

    @Test
    void anUnknownProfileIsExit2NamingTheProfilesThereAre() {
        Path config = config(toml("[profiles.staging]", "tz = \"UTC\"", "[profiles.prod]", "tz = \"UTC\""));

        assertUsageError(vaani(config, "--profile", "stagng"), config, "--profile stagng", "no profile 'stagng'",
                "staging, prod");
    }

    @Test
    void anUnknownProfileFromCallxProfileIsExit2NamingTheVariable() {
        Path config = config(toml("[profiles.staging]"));

        Result r = CallxRunner.callx().env("CALLX_CONFIG", config.toString()).env("VAANI_API_KEY", VAANI_KEY)
                .env("CALLX_PROFILE", "qa").run("vaani", "--base-url", server.baseUrl());

        assertUsageError(r, config, "CALLX_PROFILE=qa", "no profile 'qa'");
    }

    @Test
    void aProfileWithoutAConfigFileIsExit2NamingWhereItWasLookedFor() {
        Path missing = dir.resolve("nowhere/config.toml");

        assertUsageError(vaani(missing, "--profile", "staging"), missing, "--profile staging", "no config file");
    }

    @Test
    void withoutAProfileTheConfigFileIsNotRead() {
        // no --profile, no CALLX_PROFILE: even a broken file does not matter
        Path config = config("this is [not TOML\n");
        server.enqueue(json(Api.vaaniOnlyPage()));

        Result r = vaani(config, "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[profiles.staging", "[profiles.staging]\ntz = Asia/Kolkata",
            "[profiles.staging]\ntz = \"UTC\"\ntz = \"UTC\"", "[profiles.staging]\napi_key = \"unterminated"})
    void aFileThatIsNotTomlIsExit2WithItsPath(String text) {
        Path config = config(text + "\n");

        assertUsageError(vaani(config, "--profile", "staging"), config, "is not valid TOML");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'[profiles.staging', 1", "'[profiles.staging]\ntz = Asia/Kolkata', 2",
            "'[profiles.staging]\n\n\napi_key = \"unterminated', 4"})
    void whereAFileIsNotTomlIsNamedByItsLine(String text, int line) {
        Path config = config(text + "\n");

        assertUsageError(vaani(config, "--profile", "staging"), config, "is not valid TOML at line " + line + ": ");
    }

    @Test
    void aFileThatIsNotTomlDoesNotShowItsSecret() {
        String secret = "vk-inline-77aa88bb";
        Path config = config(toml("[profiles.staging.vaani]", "api_key = \"" + secret + "\" junk"));

        Result r = vaani(config, "--profile", "staging");

        assertUsageError(r, config, "is not valid TOML");
        assertThat(r.err()).as(r.toString()).doesNotContain(secret);
    }

    // ---- permissions ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-r--r--"})
    void anInlineSecretInAFileOthersCanReadIsExit3WithTheChmodToRun(String permissions) {
        Path config = write(dir.resolve("config.toml"), toml("[profiles.staging.vaani]",
                "api_key = \"" + VAANI_KEY + "\""), permissions);

        Result r = CallxRunner.callx().env("CALLX_CONFIG", config.toString())
                .run("vaani", "--profile", "staging", "--base-url", server.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: ").contains(config.toString())
                .contains("chmod 600 " + config).contains("profiles.staging.vaani.api_key")
                .doesNotContain(VAANI_KEY);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void anInlineSecretInAnotherProfileIsRefusedToo() {
        Path config = write(dir.resolve("config.toml"), toml("[profiles.staging]", "tz = \"UTC\"",
                "[profiles.prod.zudu]", "api_secret = \"zs-x\"", "api_key_file = \"k\""), "rw-r--r--");

        Result r = vaani(config, "--profile", "staging");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("chmod 600 " + config).contains("profiles.prod.zudu.api_secret");
    }

    @Test
    void credentialFilesNeedNoPrivateConfigFile() throws Exception {
        Path key = write(dir.resolve("vaani.key"), "vk-file-1234abcd");
        Path config = write(dir.resolve("config.toml"), toml("[profiles.staging.vaani]",
                "api_key_file = \"" + key + "\""), "rw-r--r--");
        server.enqueue(json(Api.vaaniOnlyPage()));

        Result r = CallxRunner.callx().env("CALLX_CONFIG", config.toString())
                .run("vaani", "--profile", "staging", "--base-url", server.baseUrl(), "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.takeRequest().getHeaders().get("X-API-Key")).isEqualTo("vk-file-1234abcd");
    }
}
