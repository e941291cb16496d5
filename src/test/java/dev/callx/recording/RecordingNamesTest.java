package dev.callx.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Recording file names: an id from the platform never leaves DIR/provider, and the extension follows the Content-Type. */
class RecordingNamesTest {

    @Test
    void idsOfTheDocsStayAsTheyAre() {
        // api-docs: Vaani call_id, Ravan uuid, Zudu call_id
        assertThat(RecordingNames.fileName("outbound-1776774443-863aa698")).isEqualTo("outbound-1776774443-863aa698");
        assertThat(RecordingNames.fileName("550e8400-e29b-41d4-a716-446655440000"))
                .isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(RecordingNames.fileName("call-456")).isEqualTo("call-456");
        assertThat(RecordingNames.fileName("call_0a1b.v2")).isEqualTo("call_0a1b.v2");
    }

    @Test
    void separatorsDotsAndControlCharactersAreEncoded() {
        assertThat(RecordingNames.fileName("../../etc/passwd")).isEqualTo("%2E.%2F..%2Fetc%2Fpasswd");
        assertThat(RecordingNames.fileName("..")).isEqualTo("%2E.");
        assertThat(RecordingNames.fileName(".")).isEqualTo("%2E");
        assertThat(RecordingNames.fileName(".hidden")).isEqualTo("%2Ehidden");
        assertThat(RecordingNames.fileName("a\\b")).isEqualTo("a%5Cb");
        assertThat(RecordingNames.fileName("a\u0000b\nc\u001b[31m")).isEqualTo("a%00b%0Ac%1B%5B31m");
        assertThat(RecordingNames.fileName("50%")).isEqualTo("50%25");
        assertThat(RecordingNames.fileName("a b")).isEqualTo("a%20b");
        assertThat(RecordingNames.fileName("é")).isEqualTo("%C3%A9");
        assertThat(RecordingNames.fileName("")).isEqualTo("%");
    }

    /** The letters and digits kept as they are, and the characters either side of each range encoded. */
    @Test
    void theSafeRangesEndWhereTheyShould() {
        assertThat(RecordingNames.fileName("azAZ09-_")).isEqualTo("azAZ09-_");
        assertThat(RecordingNames.fileName("`{@[/:")).isEqualTo("%60%7B%40%5B%2F%3A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../x", "a/../../b", "/abs/path", "\\\\server\\share", "..\u0000", "~", "",
            ".callx-0123456789abcdef-1-1.tmp"})
    void noIdLeavesItsFolderOrLooksLikeAnotherKindOfFile(String id) {
        String name = RecordingNames.fileName(id);
        Path folder = Path.of("/rec", "vaani");
        Path file = folder.resolve(name + ".ogg").normalize();
        assertThat(file.getParent()).as(name).isEqualTo(folder);
        assertThat(name).doesNotContain("/", "\\").doesNotStartWith(".").isNotEmpty();
        assertThat(name.chars().allMatch(c -> c > 0x20 && c < 0x7f)).as(name).isTrue();
    }

    @Test
    void distinctIdsGetDistinctNames() {
        List<String> ids = List.of("a/b", "a%2Fb", "a%252Fb", ".x", "%2Ex", "", "%", "..", "%2E.", "A", "a");
        Set<String> names = new HashSet<>();
        ids.forEach(id -> names.add(RecordingNames.fileName(id)));
        assertThat(names).hasSameSizeAs(ids);
    }

    @Test
    void aLongIdIsCutAndEndsInItsHashWithinWhatFileSystemsAllow() {
        String a = "x".repeat(300) + "a";
        String b = "x".repeat(300) + "b";
        String na = RecordingNames.fileName(a);
        String nb = RecordingNames.fileName(b);
        assertThat(na).isNotEqualTo(nb).startsWith("x".repeat(100)).contains("~");
        assertThat(na.length()).isLessThanOrEqualTo(RecordingNames.MAX_NAME);
        // every byte of a long non-ASCII id encodes to three characters: still under the 255 bytes of a name
        String wide = RecordingNames.fileName("語".repeat(200)) + ".webm";
        assertThat(wide.getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
        // exactly at the limit: kept whole
        assertThat(RecordingNames.fileName("y".repeat(RecordingNames.MAX_NAME))).isEqualTo("y".repeat(200));
    }

    @ParameterizedTest
    @CsvSource({"audio/ogg,ogg", "audio/mpeg,mp3", "audio/wav,wav", "audio/x-wav,wav", "audio/wave,wav",
            "audio/mp4,m4a", "'audio/OGG; codecs=opus',ogg", "' audio/mpeg ',mp3", "application/octet-stream,bin",
            "text/html,bin", "'',bin"})
    void theExtensionComesFromTheContentType(String type, String ext) {
        assertThat(RecordingNames.extension(type)).isEqualTo(ext);
    }

    @Test
    void noContentTypeIsBin() {
        assertThat(RecordingNames.extension(null)).isEqualTo("bin");
    }
}
