package dev.callx.error;

/**
 * An expected failure: its message is the one line shown to the user (without the
 * "callx COMMAND:" prefix, which the error printer adds), and it carries the exit code.
 * Messages never contain secrets; the printer masks them once more all the same.
 */
public class CallxException extends RuntimeException {
    private final int exitCode;

    public CallxException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public CallxException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Exit 2: a bad option or argument detected after parsing. */
    public static CallxException usage(String message) {
        return new CallxException(ExitCode.USAGE, message);
    }

    /** Exit 3: missing credential, 401, 403. */
    public static CallxException auth(String message) {
        return new CallxException(ExitCode.AUTH, message);
    }

    /** Exit 4: 404. */
    public static CallxException notFound(String message) {
        return new CallxException(ExitCode.NOT_FOUND, message);
    }

    /** Exit 5: the API rejected the request (other 4xx). */
    public static CallxException rejected(String message) {
        return new CallxException(ExitCode.REJECTED, message);
    }

    /** Exit 6: network or server failure that persisted after retries. */
    public static CallxException network(String message, Throwable cause) {
        return new CallxException(ExitCode.NETWORK, message, cause);
    }

    /** Exit 7: the response was not what the API documents. */
    public static CallxException badResponse(String message) {
        return new CallxException(ExitCode.BAD_RESPONSE, message);
    }
}
