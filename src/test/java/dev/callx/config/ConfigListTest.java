package dev.callx.config;

import static dev.callx.config.ConfigFiles.toml;
import static dev.callx.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9.5: {@code callx config list} shows the profiles of the config file with the secrets masked. */
class ConfigListTest {
    private static final String VAANI_KEY = "vk-inline-1b2c3d4e";
    private static final String ZUDU_SECRET = "zs-inline-0a1b2c3d";
    private static final String URL_PASSWORD = "pw-in-url-9f9f";

    @TempDir
    Path dir;

    @Test
    void listsEveryProfileInTheFilesLayoutWithSecretsMasked() {
        Path config = write(dir.resolve("config.toml"), toml(
                "[profiles.staging]",
                "output = \"csv\"",
                "concurrency = 4",
                "tz = \"Asia/Kolkata\"",
                "[profiles.staging.vaani]",
                "base_url = \"https://vaani.staging.example\"",
                "api_key = \"" + VAANI_KEY + "\"",
                "[profiles.staging.zudu]",
                "base_url = \"https://ops:" + URL_PASSWORD + "@zudu.internal.example\"",
                "api_key_file = \"~/.config/callx/zudu.key\"",
                "api_secret = \"" + ZUDU_SECRET + "\"",
                "[profiles.prod]",
                "[profiles.prod.ravan]",
                "token_file = \"/etc/callx/ravan.token\""));

        Result r = CallxRunner.callx().env("CALLX_CONFIG", config.toString()).env("CALLX_PROFILE", "prod")
                .run("config", "list");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.outLines()).as(r.toString()).containsExactly(
                "# " + config,
                "",
                "[profiles.staging]",
                "output = \"csv\"",
                "concurrency = \"4\"",
                "tz = \"Asia/Kolkata\"",
                "[profiles.staging.vaani]",
                "base_url = \"https://vaani.staging.example\"",
                "api_key = \"****\"",
                "[profiles.staging.zudu]",
                "base_url = \"https://****@zudu.internal.example\"", // SPEC 3: no URL userinfo
                "api_key_file = \"~/.config/callx/zudu.key\"",
                "api_secret = \"****\"",
                "",
                "[profiles.prod]  # selected by CALLX_PROFILE",
                "[profiles.prod.ravan]",
                "token_file = \"/etc/callx/ravan.token\"");
        assertThat(r.out()).doesNotContain(VAANI_KEY).doesNotContain(ZUDU_SECRET).doesNotContain(URL_PASSWORD);
    }

    @Test
    void withoutAConfigFileSaysWhereItLooked() {
        Result r = CallxRunner.callx().env("XDG_CONFIG_HOME", dir.toString()).run("config", "list");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as(r.toString()).contains("no config file at " + dir.resolve("callx/config.toml"));
    }

    @Test
    void anUnknownKeyIsExit2() {
        Path config = write(dir.resolve("config.toml"), toml("[profiles.staging]", "tzz = \"UTC\""));

        Result r = CallxRunner.callx().env("CALLX_CONFIG", config.toString()).run("config", "list");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as(r.toString()).startsWith("callx config: ").contains(config.toString())
                .contains("unknown key 'tzz'").contains("did you mean 'tz'?");
    }

    @Test
    void anInlineSecretOthersCanReadIsRefusedHereToo() {
        Path config = write(dir.resolve("config.toml"), toml("[profiles.staging.vaani]",
                "api_key = \"" + VAANI_KEY + "\""), "rw-r--r--");

        Result r = CallxRunner.callx().env("CALLX_CONFIG", config.toString()).run("config", "list");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as(r.toString()).contains("chmod 600 " + config).doesNotContain(VAANI_KEY);
    }

    @Test
    void configAloneIsAUsageErrorNamingTheAction() {
        Result r = CallxRunner.callx().run("config");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx config: ").contains("callx config list");
    }

    @Test
    void anUnknownActionIsAUsageErrorWithTheNearest() {
        Result r = CallxRunner.callx().run("config", "lsit");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err()).as(r.toString()).startsWith("callx config: ").contains("'lsit'")
                .contains("did you mean 'list'?");
    }
}
