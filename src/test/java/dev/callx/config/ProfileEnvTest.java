package dev.callx.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;

import dev.callx.provider.zudu.ZuduCallsEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile's platform table as the export's environment, without the CLI: each credential taken
 * from the profile, inline or from a file, is handed to the masking of secrets; the environment's
 * own credentials and base URL win.
 */
class ProfileEnvTest {
    @TempDir
    Path dir;

    private Profile profile(Path secretFile) {
        Profile.PlatformSettings zudu = new Profile.PlatformSettings("zudu", "https://zudu.example/",
                List.of(new Profile.Credential("api_key", "ZUDU_API_KEY", "inline-key-1234", null, "inline", "api_key"),
                        new Profile.Credential("api_secret", "ZUDU_API_SECRET", null, secretFile, secretFile.toString(),
                                "api_secret_file")));
        return new Profile("work", dir.resolve("config.toml"), Map.of(), Map.of("zudu", zudu));
    }

    @Test
    void everyCredentialTakenFromTheProfileIsMasked() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("secret"), "  file-secret-5678\n");
        List<String> masked = new ArrayList<>();
        Map<String, String> env = ProfileEnv.apply(profile(secretFile), ZuduCallsEndpoint.PLATFORM,
                Map.of("HOME", "/home/u"), masked::add);
        assertThat(env).containsEntry("ZUDU_API_KEY", "inline-key-1234")
                .containsEntry("ZUDU_API_SECRET", "file-secret-5678")
                .containsEntry("ZUDU_BASE_URL", "https://zudu.example/")
                .containsEntry("HOME", "/home/u");
        assertThat(masked).containsExactly("inline-key-1234", "file-secret-5678");
    }

    @Test
    void theEnvironmentsCredentialsAndBaseUrlWinAndNothingIsTakenFromTheProfile() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("secret"), "file-secret-5678");
        List<String> masked = new ArrayList<>();
        Map<String, String> given = Map.of("ZUDU_API_SECRET", "env-secret", "ZUDU_BASE_URL", "http://127.0.0.1:1/");
        Map<String, String> env = ProfileEnv.apply(profile(secretFile), ZuduCallsEndpoint.PLATFORM, given, masked::add);
        assertThat(env).isEqualTo(given);
        assertThat(masked).isEmpty();
    }
    @Test
    void aCredentialFileThatCannotBeReadIsAnAuthErrorNamingItAndTheWayOut() throws Exception {
        Path missing = dir.resolve("missing.secret");
        assertThatThrownBy(() -> ProfileEnv.apply(profile(missing), ZuduCallsEndpoint.PLATFORM, Map.of(), s -> { }))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH))
                .hasMessage("cannot read " + missing + " (api_secret_file of profile work): no such file. Check the "
                        + "path, or set ZUDU_API_SECRET in the environment");
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertThatThrownBy(() -> ProfileEnv.apply(profile(folder), ZuduCallsEndpoint.PLATFORM, Map.of(), s -> { }))
                .isInstanceOf(CallxException.class)
                .hasMessage("cannot read " + folder + " (api_secret_file of profile work): Is a directory. Check the "
                        + "path, or set ZUDU_API_SECRET in the environment");
        Path empty = Files.writeString(dir.resolve("empty.secret"), " \n");
        assertThatThrownBy(() -> ProfileEnv.apply(profile(empty), ZuduCallsEndpoint.PLATFORM, Map.of(), s -> { }))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH))
                .hasMessage(empty + " (api_secret_file of profile work) is empty: put the api_secret in it, or set "
                        + "ZUDU_API_SECRET in the environment");
    }
}
