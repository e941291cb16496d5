package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 3: {@code -f} onto what is not a regular file. A symlink is written through to its
 * final target (the link stays); a device, a FIFO, a socket or a process's file descriptor is
 * refused with exit 2 and left as it was; {@code -f -} is stdout; a temporary file name fits the
 * file system's limit whatever the target's name; a temporary file left by a killed run is removed
 * by the next run that writes the same target, and a live run's never is.
 *
 * <p>No test here points -f at a real device or at /dev/stdout: on a regression, as root, it would
 * replace it. Devices and links are made in a temporary folder.
 */
class HostileFileTest {
    private static final String KEY = "vk-test-0001";
    /** One Vaani record, on a last page. */
    private static final String ONE_PAGE = "{\"data\": [{\"call_id\": \"c1\", \"call_summary\": \"new\"}], "
            + "\"pagination\": {\"page\": 1, \"total_pages\": 1, \"has_next\": false}}";

    @TempDir
    Path dir;

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Result export(Path file, String... more) {
        server.enqueue(Api.json(ONE_PAGE));
        List<String> args = new java.util.ArrayList<>(List.of("vaani", "--base-url", server.url("/").toString(),
                "-f", file.toString(), "-o", "jsonl"));
        args.addAll(List.of(more));
        return CallxRunner.callx().env("VAANI_API_KEY", KEY).run(args.toArray(String[]::new));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }

    private static String type(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return switch (mode & 0170000) {
            case 0140000 -> "socket";
            case 0120000 -> "link";
            case 0100000 -> "file";
            case 0060000 -> "block device";
            case 0040000 -> "folder";
            case 0020000 -> "character device";
            case 0010000 -> "fifo";
            default -> "other";
        };
    }

    // ---- what is not a regular file is refused, and left as it was ----

    @Test
    void aCharacterDeviceIsRefusedAndLeftAsItWas() throws Exception {
        assumeThat(System.getProperty("user.name")).as("mknod needs root").isEqualTo("root");
        Path device = dir.resolve("null");
        run("mknod", device.toString(), "c", "1", "3"); // the same device as /dev/null
        Files.setPosixFilePermissions(device, PosixFilePermissions.fromString("rw-rw-rw-"));

        Result r = export(device);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).containsExactly("callx vaani: cannot write " + device
                + ": it is a character device, not a regular file; -f - writes to stdout "
                + "(see 'callx vaani --help')");
        assertThat(type(device)).isEqualTo("character device");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(device))).isEqualTo("rw-rw-rw-");
        assertThat(names(dir)).containsExactly("null");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aFifoIsRefusedAndLeftAsItWas() throws Exception {
        Path fifo = dir.resolve("pipe.jsonl");
        run("mkfifo", fifo.toString());

        Result r = export(fifo);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("cannot write " + fifo + ": it is a named pipe (FIFO), not a "
                + "regular file");
        assertThat(type(fifo)).isEqualTo("fifo");
        assertThat(names(dir)).containsExactly("pipe.jsonl");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aSocketIsRefusedAndLeftAsItWas() throws Exception {
        Path socket = dir.resolve("s.jsonl");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));

            Result r = export(socket);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).contains("cannot write " + socket + ": it is a socket, not a "
                    + "regular file");
            assertThat(type(socket)).isEqualTo("socket");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aLinkToADeviceIsRefusedAndTheLinkIsLeft() throws Exception {
        assumeThat(System.getProperty("user.name")).as("mknod needs root").isEqualTo("root");
        Path device = dir.resolve("null");
        run("mknod", device.toString(), "c", "1", "3");
        Path link = Files.createSymbolicLink(dir.resolve("out.jsonl"), device);

        Result r = export(link);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("cannot write " + link + ": it is a character device");
        assertThat(type(link)).isEqualTo("link");
        assertThat(type(device)).isEqualTo("character device");
    }

    @Test
    void aLinkToAProcessFileDescriptorIsRefusedAndTheLinkIsLeft() throws Exception {
        // what /dev/stdout is: a link to /proc/self/fd/1
        Path link = Files.createSymbolicLink(dir.resolve("stdout.jsonl"), Path.of("/proc/self/fd/1"));

        Result r = export(link);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("cannot write " + link + ": ", "/proc", "-f - writes to stdout");
        assertThat(type(link)).isEqualTo("link");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/proc/self/fd/1"));
        assertThat(names(dir)).containsExactly("stdout.jsonl");
    }

    @Test
    void aLinkLoopIsAUsageError() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);

        Result r = export(a);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("cannot write " + a + ": ", "symbolic links");
        assertThat(type(a)).isEqualTo("link");
        assertThat(type(b)).isEqualTo("link");
    }

    // ---- a symlink is written through ----

    @Test
    void aLinkIsWrittenThroughToItsTargetAndStaysALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("calls.jsonl");
        Files.writeString(real, "yesterday\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path links = Files.createDirectory(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("latest.jsonl"), real);

        Result r = export(link);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(type(link)).isEqualTo("link");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(Files.readString(real)).contains("\"id\":\"c1\"").doesNotContain("yesterday");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
        assertThat(names(real.getParent())).as("no temporary file left").containsExactly("calls.jsonl");
        assertThat(names(links)).containsExactly("latest.jsonl");
    }

    @Test
    void aChainOfRelativeLinksIsFollowedToTheEnd() throws Exception {
        Path real = Files.createDirectory(dir.resolve("data")).resolve("calls.jsonl");
        Files.writeString(real, "yesterday\n");
        Path first = Files.createSymbolicLink(dir.resolve("first.jsonl"), Path.of("second.jsonl"));
        Path second = Files.createSymbolicLink(dir.resolve("second.jsonl"), Path.of("data/calls.jsonl"));

        Result r = export(first);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(type(first)).isEqualTo("link");
        assertThat(type(second)).isEqualTo("link");
        assertThat(Files.readString(real)).contains("\"id\":\"c1\"");
        assertThat(names(dir)).containsExactly("data", "first.jsonl", "second.jsonl");
        assertThat(names(real.getParent())).containsExactly("calls.jsonl");
    }

    @Test
    void aDanglingLinkCreatesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("latest.jsonl"), Path.of("2026-11-21.jsonl"));

        Result r = export(link);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(type(link)).isEqualTo("link");
        assertThat(Files.readString(dir.resolve("2026-11-21.jsonl"))).contains("\"id\":\"c1\"");
        assertThat(names(dir)).containsExactly("2026-11-21.jsonl", "latest.jsonl");
    }

    @Test
    void aLinkIntoAFolderThatDoesNotExistIsAUsageError() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("latest.jsonl"), dir.resolve("gone/calls.jsonl"));

        Result r = export(link);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("cannot write " + link + ": folder " + dir.resolve("gone")
                + " does not exist");
    }

    @Test
    void aFailedRunLeavesTheLinkAndItsTargetUntouched() throws Exception {
        Path real = dir.resolve("calls.jsonl");
        Files.writeString(real, "yesterday\n");
        Path link = Files.createSymbolicLink(dir.resolve("latest.jsonl"), real);
        server.enqueue(Api.json(401, "{\"detail\": \"no\"}"));

        Result r = CallxRunner.callx().env("VAANI_API_KEY", KEY).run("vaani", "--base-url",
                server.url("/").toString(), "-f", link.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(Files.readString(real)).isEqualTo("yesterday\n");
        assertThat(type(link)).isEqualTo("link");
        assertThat(names(dir)).containsExactly("calls.jsonl", "latest.jsonl");
    }

    // ---- -f - ----

    @Test
    void dashIsStdoutInThePipeFormat() throws Exception {
        server.enqueue(Api.json(ONE_PAGE));
        Result r = CallxRunner.callx().env("VAANI_API_KEY", KEY).run("vaani", "--base-url",
                server.url("/").toString(), "-f", "-");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(1);
        assertThat(r.out()).startsWith("{\"provider\":\"vaani\",\"id\":\"c1\",");
        assertThat(Path.of("-")).as("no file named -").doesNotExist();
    }

    @Test
    void dashIsStdoutInTheTerminalFormatOrTheOneAsked() throws Exception {
        server.enqueue(Api.json(ONE_PAGE));
        Result table = CallxRunner.callx().env("VAANI_API_KEY", KEY).terminal(100).run("vaani", "--base-url",
                server.url("/").toString(), "-f", "-");
        server.enqueue(Api.json(ONE_PAGE));
        Result csv = CallxRunner.callx().env("VAANI_API_KEY", KEY).terminal(100).run("vaani", "--base-url",
                server.url("/").toString(), "--file", "-", "-o", "csv");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.outLines().get(0)).as(table.toString()).startsWith("ID").endsWith("SUMMARY");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.outLines().get(0)).as(csv.toString()).startsWith("provider,id,");
        assertThat(Path.of("-")).as("no file named -").doesNotExist();
    }

    // ---- temporary files ----

    @Test
    void aTargetNameAtTheFileSystemsLimitStillGetsATemporaryFile() throws Exception {
        String name = "c".repeat(244) + ".jsonl"; // 250 characters, under the limit of 255
        Path file = dir.resolve(name);

        Result r = export(file);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(file)).contains("\"id\":\"c1\"");
        assertThat(names(dir)).containsExactly(name);
    }

    @Test
    @Timeout(60) // a second JVM starts: seconds on an idle machine, tens on a loaded one
    void aTemporaryFileLeftByAKilledRunIsRemovedByTheNextRun() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, "yesterday\n");
        try (Stalling stalling = new Stalling()) {
            Process child = stalling.startCallx(file);
            stalling.awaitSecondPage(child);
            List<String> during = names(dir);
            assertThat(during).as("the killed run's temporary file").hasSize(2);
            String temp = during.stream().filter(n -> !n.equals("calls.jsonl")).findFirst().orElseThrow();
            assertThat(temp).startsWith(".").contains("callx").hasSizeLessThanOrEqualTo(255);

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(names(dir)).as("the temporary file outlives a SIGKILL").contains(temp);
        }

        String temp = names(dir).stream().filter(n -> n.startsWith(".")).findFirst().orElseThrow();
        Result other = export(dir.resolve("other.jsonl"));
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(names(dir)).as("a run writing another target leaves it").contains(temp);

        Result r = export(file);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(names(dir)).containsExactly("calls.jsonl", "other.jsonl");
        assertThat(Files.readString(file)).contains("\"id\":\"c1\"");
    }

    @Test
    @Timeout(60) // a second JVM starts: seconds on an idle machine, tens on a loaded one
    void theTemporaryFileOfARunStillGoingIsLeftAlone() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        try (Stalling stalling = new Stalling()) {
            Process child = stalling.startCallx(file);
            stalling.awaitSecondPage(child);
            List<String> during = names(dir);
            assertThat(during).as("the running export's temporary file").hasSize(1);

            Result r = export(file);

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(names(dir)).as("the other run's temporary file is still there").contains(during.get(0))
                    .contains("calls.jsonl");

            stalling.release();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String childErr = new String(child.getErrorStream().readAllBytes());
            assertThat(child.exitValue()).as(childErr).isZero();
        }
        assertThat(names(dir)).containsExactly("calls.jsonl");
        assertThat(Files.readString(file)).as("the later commit wins").contains("\"id\":\"c2\"");
    }

    /**
     * A server that answers page 1 of a Vaani export with one record and "more to come", then holds
     * page 2 until released: a callx process asking for page 2 has its temporary file open.
     */
    private static final class Stalling implements AutoCloseable {
        private final MockWebServer server = new MockWebServer();
        private final CountDownLatch secondPage = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        Stalling() throws IOException {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    if ("1".equals(request.getUrl().queryParameter("page"))) {
                        return Api.json("{\"data\": [{\"call_id\": \"c1\"}], "
                                + "\"pagination\": {\"page\": 1, \"total_pages\": 2, \"has_next\": true}}");
                    }
                    secondPage.countDown();
                    release.await(120, TimeUnit.SECONDS);
                    return Api.json("{\"data\": [{\"call_id\": \"c2\"}], "
                            + "\"pagination\": {\"page\": 2, \"total_pages\": 2, \"has_next\": false}}");
                }
            });
            server.start();
        }

        /** callx in a process of its own, as cron would start it. */
        Process startCallx(Path file) throws IOException {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", classpath, "dev.callx.cli.Main", "vaani",
                    "--base-url", server.url("/").toString(), "--page-size", "1", "-f", file.toString(),
                    "-o", "jsonl", "--timeout", "5m");
            pb.environment().put("VAANI_API_KEY", KEY);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            return pb.start();
        }

        void awaitSecondPage(Process child) throws Exception {
            boolean asked = secondPage.await(120, TimeUnit.SECONDS);
            assertThat(asked).as("callx asked for page 2; alive: %s", child.isAlive()).isTrue();
        }

        void release() {
            release.countDown();
        }

        @Override
        public void close() throws IOException {
            release.countDown();
            server.close();
        }
    }
}
