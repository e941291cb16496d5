package dev.callx.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a finding is replaced by: with a key, {@code <prefix>:<12 hex digits>}, the start of
 * HMAC-SHA-256(key, "<prefix>:<normalized value>"), so that a value gets the same token in every
 * run and file made with the same key; without a key, the kind's fixed mask ({@code [phone]}).
 * 12 hex digits (48 bits) keep accidental collisions unlikely even among millions of values.
 */
final class Tokens {

    static final int HEX_DIGITS = 12;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /** @param key the HMAC key, or null for fixed masks */
    Tokens(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, ALGORITHM);
        this.macs = key == null ? null : ThreadLocal.withInitial(this::newMac);
        if (key != null) {
            macs.get(); // fail at construction, not in the middle of an export
        }
    }

    boolean keyed() {
        return key != null;
    }

    String token(Kind kind, String normalized) {
        if (key == null) {
            return kind.mask;
        }
        Mac mac = macs.get();
        byte[] digest = mac.doFinal((kind.prefix + ":" + normalized).getBytes(StandardCharsets.UTF_8));
        char[] out = new char[HEX_DIGITS];
        for (int k = 0; k < HEX_DIGITS; k++) {
            int b = digest[k / 2] & 0xff;
            out[k] = HEX[k % 2 == 0 ? b >>> 4 : b & 0xf];
        }
        return kind.prefix + ":" + new String(out);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no " + ALGORITHM, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable redaction key: " + e.getMessage(), e);
        }
    }
}
