package dev.callx.redact;

/**
 * A span of text to replace: {@code [start, end)} of the text searched, its kind, and the
 * normalized value its token is computed from (digits of a phone or card number, a lower-cased
 * address or name), so that one value written two ways gets one token.
 */
record Finding(int start, int end, Kind kind, String normalized) {
}
