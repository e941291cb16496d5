package dev.callx.sandbox;

import java.util.SplittableRandom;

/**
 * Synthetic recordings: deterministic bytes per call, starting with the magic bytes of their
 * format (so a file type sniffer agrees with the Content-Type) and sized by the time talked:
 * 2 KiB plus 200 bytes a second, about a tenth of a real recording, so that trying
 * {@code --recordings} downloads little.
 */
final class Audio {

    enum Format {
        OGG("audio/ogg", new byte[] {'O', 'g', 'g', 'S', 0, 2, 0, 0, 0, 0, 0, 0, 0, 0}),
        MPEG("audio/mpeg", new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0}),
        MP4("audio/mp4", new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0});

        final String contentType;
        private final byte[] magic;

        Format(String contentType, byte[] magic) {
            this.contentType = contentType;
            this.magic = magic;
        }
    }

    /** Out of 100: the share of answered calls whose recording is not there (too short, not processed yet). */
    static final int MISSING_PERCENT = 5;
    private static final int SLOT_MISSING = 21;
    private static final int SLOT_FORMAT = 22;

    private Audio() {
    }

    /** Whether the call has a recording: answered, and not among the few that are missing. */
    static boolean exists(SyntheticCall c) {
        return c.outcome().answered() && c.pick(SLOT_MISSING, 100) >= MISSING_PERCENT;
    }

    /** Ogg or MPEG, per call (Vaani's stream endpoint and Ravan's recording endpoint serve both). */
    static Format oggOrMpeg(SyntheticCall c) {
        return c.pick(SLOT_FORMAT, 2) == 0 ? Format.OGG : Format.MPEG;
    }

    static int size(SyntheticCall c) {
        int talkMs = Math.max(0, c.durationMs() - c.answerMs());
        return 2048 + talkMs / 5;
    }

    /** The recording's bytes; {@code salt} tells platforms apart (the same call index on two platforms is two calls). */
    static byte[] bytes(SyntheticCall c, Format format, long salt) {
        byte[] out = new byte[size(c)];
        new SplittableRandom(Dataset.mix(c.bits() ^ salt)).nextBytes(out);
        System.arraycopy(format.magic, 0, out, 0, format.magic.length);
        return out;
    }
}
