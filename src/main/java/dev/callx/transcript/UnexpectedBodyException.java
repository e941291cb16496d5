package dev.callx.transcript;

/**
 * A per-call endpoint's body is not of the documented shape, or says in a 200 answer that the
 * request failed. The message says what was found, e.g. {@code "no string 'transcript' in the body"};
 * the caller adds the command, platform, call id and HTTP status (exit 7 or 5, SPEC section 7).
 */
public final class UnexpectedBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean reportedFailure;

    UnexpectedBodyException(String message, boolean reportedFailure) {
        super(message, null, false, false);
        this.reportedFailure = reportedFailure;
    }

    /**
     * True when the body is well formed but reports a failure ({@code success:false}, or a
     * {@code status_code} other than 200 and 404): the platform's message is in {@link #getMessage()}.
     * False when the body is not of the documented shape at all.
     */
    public boolean reportedFailure() {
        return reportedFailure;
    }
}
