package dev.callx.paging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** 128 bits of MD5 of a text: an id, or a record's content. Never (0, 0), which marks an empty slot. */
record Fingerprint(long high, long low) {
    /** Makes fingerprints; one per thread (MessageDigest is not thread safe). */
    static final class Maker {
        private final MessageDigest md5;

        Maker() {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has MD5", e);
            }
        }

        Fingerprint of(String text) {
            ByteBuffer digest = ByteBuffer.wrap(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
            long high = digest.getLong();
            long low = digest.getLong();
            return new Fingerprint(high, high == 0 && low == 0 ? 1 : low);
        }
    }
}
