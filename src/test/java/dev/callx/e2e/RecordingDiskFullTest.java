package dev.callx.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import dev.callx.testing.CallxRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 2: a disk that cannot take a recording is exit 1 with nothing half-written. A real
 * limit, not a simulated one: callx runs in a JVM of its own under {@code ulimit -f} (the largest
 * file a process may write; the JVM ignores SIGXFSZ, so a write past it fails with EFBIG, "File too
 * large", as a full disk fails with ENOSPC, through the same path).
 */
class RecordingDiskFullTest {
    /** KiB: below the largest of the sandbox's first recordings, above the smallest. */
    private static final int LIMIT_KB = 40;

    @TempDir
    Path tmp;

    @Test
    void aRecordingTheDiskCannotTakeIsExitOneAndLeavesNothingHalfWritten() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        Path dir = tmp.resolve("rec");
        Path out = tmp.resolve("calls.jsonl");
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withCalls(60)
                .withAnchor(CallxRunner.NOW.truncatedTo(ChronoUnit.MINUTES)))) {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", "ulimit -f " + LIMIT_KB + " && exec \"$0\" \"$@\"",
                    java.toString(), "-XX:-UsePerfData", "-Xmx128m", "-cp", classpath, "dev.callx.cli.Main",
                    "vaani", "--recordings", dir.toString(), "-f", out.toString(), "--limit", "60");
            pb.environment().putAll(sandbox.credentials());
            pb.environment().put("VAANI_BASE_URL", sandbox.baseUrl());
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as(err).isEqualTo(1);
            assertThat(err.strip().split("\n")).as(err).hasSize(1);
            assertThat(err).startsWith("callx vaani: could not write the recording " + dir.resolve("vaani"))
                    .contains("File too large").contains("no file was left half-written")
                    .doesNotContain("\tat ");
            assertThat(out).as("the export's file is not committed").doesNotExist();

            // what is left: whole recordings only, each the bytes the platform serves, and no temporary file
            List<Path> left = new ArrayList<>();
            try (Stream<Path> files = Files.walk(tmp)) {
                files.filter(Files::isRegularFile).forEach(left::add);
            }
            assertThat(left).allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotStartWith(".callx-"));
            HttpClient http = HttpClient.newHttpClient();
            for (Path f : left) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.lastIndexOf('.'));
                HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                                + "/api/stream/" + id)).header("X-API-Key", sandbox.credentials().get("VAANI_API_KEY"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(Files.readAllBytes(f)).as(name).isEqualTo(whole.body());
                assertThat(whole.body().length).isLessThanOrEqualTo(LIMIT_KB * 1024);
            }
        }
    }
}
