package dev.callx.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.http.ApiClient;
import dev.callx.http.HttpSettings;
import dev.callx.http.Sleeper;
import dev.callx.http.Target;
import dev.callx.log.Log;
import dev.callx.log.Secrets;
import dev.callx.testing.PlatformServer;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One recording to disk: streamed, atomic, skipped when complete, and a full disk is exit 1 with nothing left half-written. */
class DownloaderTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    private final List<Duration> waits = new ArrayList<>();

    private ApiClient client() {
        Sleeper sleeper = waits::add;
        Log log = new Log(new PrintWriter(new StringWriter()), Log.Level.NORMAL, new Secrets(), "test");
        Target target = new Target("Test", server.url("/"), Map.of(), "the recording URL", null);
        return new ApiClient(target, new HttpSettings(Duration.ofSeconds(10), 2, Duration.ofSeconds(60), false), log,
                sleeper, new Random(1), Clock.systemUTC());
    }

    private static byte[] audio(int size, int seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        b[0] = 'O';
        b[1] = 'g';
        b[2] = 'g';
        b[3] = 'S';
        return b;
    }

    private static MockResponse bytes(String type, byte[] body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", type).body(new Buffer().write(body))
                .build();
    }

    private Downloader.Result fetch(Downloader d, String name) {
        return d.fetch(client(), server.url("/rec/" + name), "vaani", name, "the recording of call " + name);
    }

    private List<String> filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theBodyGoesToProviderSlashNameDotExtensionWithNothingElseLeft() throws IOException {
        byte[] body = audio(50_000, 1);
        server.enqueue(bytes("audio/ogg", body));
        Downloader.Result r = fetch(new Downloader(dir), "c1");
        assertThat(r).isEqualTo(new Downloader.Result(Downloader.Outcome.DOWNLOADED, "vaani/c1.ogg", 50_000));
        assertThat(Files.readAllBytes(dir.resolve("vaani/c1.ogg"))).isEqualTo(body);
        assertThat(filesIn(dir.resolve("vaani"))).containsExactly("c1.ogg");
        assertThat(server.takeRequest().getHeaders().get("Accept")).startsWith("audio/*");
    }

    @Test
    void aBodyIsWrittenAsItArrivesInStepsNeverWhole() throws IOException {
        byte[] body = audio(1_000_000, 2);
        server.enqueue(bytes("audio/mpeg", body));
        List<Integer> writes = new ArrayList<>();
        Downloader d = new Downloader(dir, out -> new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writes.add(len);
                out.write(b, off, len);
            }
        });
        assertThat(fetch(d, "big").relative()).isEqualTo("vaani/big.mp3");
        assertThat(Files.readAllBytes(dir.resolve("vaani/big.mp3"))).isEqualTo(body);
        assertThat(writes).hasSizeGreaterThan(10);
        assertThat(writes.stream().mapToInt(Integer::intValue).max().orElseThrow()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void aCompleteFileIsKeptAndItsBodyNotWritten() throws IOException {
        Path file = dir.resolve("vaani/c2.ogg");
        Files.createDirectories(file.getParent());
        byte[] onDisk = audio(4_000, 3);
        Files.write(file, onDisk);
        FileTime before = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, before);
        // the same size, other bytes: were the body written, the file would change
        server.enqueue(bytes("audio/ogg", audio(4_000, 4)));
        Downloader.Result r = fetch(new Downloader(dir), "c2");
        assertThat(r).isEqualTo(new Downloader.Result(Downloader.Outcome.ALREADY_THERE, "vaani/c2.ogg", 0));
        assertThat(Files.readAllBytes(file)).isEqualTo(onDisk);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
        assertThat(filesIn(file.getParent())).containsExactly("c2.ogg");
    }

    @Test
    void aFileOfAnotherSizeIsReplacedWhole() throws IOException {
        Path file = dir.resolve("vaani/c3.ogg");
        Files.createDirectories(file.getParent());
        Files.write(file, audio(1_000, 5)); // cut short by something else
        byte[] body = audio(3_000, 6);
        server.enqueue(bytes("audio/ogg", body));
        assertThat(fetch(new Downloader(dir), "c3").outcome()).isEqualTo(Downloader.Outcome.DOWNLOADED);
        assertThat(Files.readAllBytes(file)).isEqualTo(body);
        assertThat(filesIn(file.getParent())).containsExactly("c3.ogg");
    }

    @Test
    void aFileUnderAnotherExtensionIsNotTakenForTheRecording() throws IOException {
        Path old = dir.resolve("vaani/c4.ogg");
        Files.createDirectories(old.getParent());
        byte[] body = audio(2_000, 7);
        Files.write(old, body);
        server.enqueue(bytes("audio/mpeg", body));
        assertThat(fetch(new Downloader(dir), "c4").relative()).isEqualTo("vaani/c4.mp3");
        assertThat(filesIn(old.getParent())).containsExactly("c4.mp3", "c4.ogg");
    }

    @Test
    void withoutContentLengthTheFileIsFetchedAgain() throws IOException {
        byte[] body = audio(3_000, 8);
        Path file = dir.resolve("vaani/c5.ogg");
        Files.createDirectories(file.getParent());
        Files.write(file, audio(3_000, 9));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "audio/ogg")
                .chunkedBody(new Buffer().write(body), 1000).build());
        assertThat(fetch(new Downloader(dir), "c5").outcome()).isEqualTo(Downloader.Outcome.DOWNLOADED);
        assertThat(Files.readAllBytes(file)).isEqualTo(body);
    }

    @Test
    void aNotFoundIsNullAndWritesNothing() throws IOException {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body("{\"status_code\":404,\"error\":\"Not Found\",\"message\":\"Audio file not found\"}").build());
        assertThat(fetch(new Downloader(dir), "gone")).isNull();
        assertThat(filesIn(dir.resolve("vaani"))).isEmpty();
    }

    @Test
    void aBodyCutShortIsFetchedAgainAndOnlyTheWholeOneIsKept() throws IOException {
        byte[] body = audio(200_000, 10);
        server.enqueue(new MockResponse.Builder(bytes("audio/ogg", body))
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(bytes("audio/ogg", body));
        Downloader.Result r = fetch(new Downloader(dir), "cut");
        assertThat(r.bytes()).isEqualTo(200_000);
        assertThat(Files.readAllBytes(dir.resolve("vaani/cut.ogg"))).isEqualTo(body);
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(waits).hasSize(1);
        assertThat(filesIn(dir.resolve("vaani"))).containsExactly("cut.ogg");
    }

    @Test
    void aFullDiskIsExitOneAndLeavesNothingHalfWritten() throws IOException {
        byte[] body = audio(300_000, 11);
        server.enqueue(bytes("audio/ogg", body));
        AtomicInteger written = new AtomicInteger();
        Downloader d = new Downloader(dir, out -> new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written.addAndGet(len) > 100_000) {
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        });
        assertThatThrownBy(() -> fetch(d, "full"))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERNAL))
                .hasMessageContaining("could not write the recording " + dir.resolve("vaani/full.ogg"))
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("no file was left half-written");
        assertThat(filesIn(dir.resolve("vaani"))).as("no temporary file, no partial recording").isEmpty();
        assertThat(server.requestCount()).as("a local failure is not retried").isEqualTo(1);
    }

    @Test
    void afterCloseNoDownloadWritesAFile() throws IOException {
        server.enqueue(bytes("audio/ogg", audio(5_000, 12)));
        Downloader d = new Downloader(dir);
        d.close();
        assertThatThrownBy(() -> fetch(d, "late"))
                .isInstanceOfSatisfying(CallxException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        assertThat(filesIn(dir.resolve("vaani"))).isEmpty();
    }

    @Test
    void aFolderWhereTheFileShouldBeIsExitOne() throws IOException {
        Files.createDirectories(dir.resolve("vaani/odd.ogg"));
        server.enqueue(bytes("audio/ogg", audio(5_000, 13)));
        assertThatThrownBy(() -> fetch(new Downloader(dir), "odd"))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERNAL))
                .hasMessageContaining("odd.ogg");
        assertThat(filesIn(dir.resolve("vaani"))).containsExactly("odd.ogg");
        assertThat(Files.isDirectory(dir.resolve("vaani/odd.ogg"))).isTrue();
        assertThat(Arrays.asList(dir.resolve("vaani/odd.ogg").toFile().list())).isEmpty();
    }

    /** An empty recording (Content-Length: 0) is a file like any other: written when missing... */
    @Test
    void anEmptyRecordingIsWrittenWhenMissing() throws IOException {
        server.enqueue(bytes("audio/ogg", new byte[0]));
        Downloader.Result r = fetch(new Downloader(dir), "empty");
        assertThat(r).isEqualTo(new Downloader.Result(Downloader.Outcome.DOWNLOADED, "vaani/empty.ogg", 0));
        assertThat(Files.size(dir.resolve("vaani/empty.ogg"))).isZero();
    }

    /** ...and kept, not written again, when there already. */
    @Test
    void anEmptyRecordingAlreadyThereIsKept() throws IOException {
        Path file = dir.resolve("vaani/empty.ogg");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        FileTime before = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, before);
        server.enqueue(bytes("audio/ogg", new byte[0]));
        assertThat(fetch(new Downloader(dir), "empty").outcome()).isEqualTo(Downloader.Outcome.ALREADY_THERE);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    }

    /**
     * Ctrl-C while a recording is being written (close() from another thread, as the shutdown hook
     * does): the write that fails because of it is the interruption, exit 130, not a disk error, and
     * neither the recording nor its temporary file is left.
     */
    @Test
    void closeDuringADownloadIsAnInterruptionAndLeavesNothing() throws Exception {
        server.enqueue(bytes("audio/ogg", audio(300_000, 14)));
        AtomicInteger writes = new AtomicInteger();
        Downloader[] holder = new Downloader[1];
        Downloader d = new Downloader(dir, out -> new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (writes.incrementAndGet() == 2) {
                    Thread closer = new Thread(holder[0]::close, "ctrl-c");
                    closer.start();
                    try {
                        closer.join(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                out.write(b, off, len);
            }
        });
        holder[0] = d;
        assertThatThrownBy(() -> fetch(d, "stopped"))
                .isInstanceOfSatisfying(CallxException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED))
                .hasMessageContaining("interrupted");
        assertThat(filesIn(dir.resolve("vaani"))).as("no recording, no temporary file").isEmpty();
    }
}
