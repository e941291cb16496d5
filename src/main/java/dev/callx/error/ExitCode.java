package dev.callx.error;

/** The process exit codes of SPEC section 7. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int NOT_FOUND = 4;
    public static final int REJECTED = 5;
    public static final int NETWORK = 6;
    public static final int BAD_RESPONSE = 7;
    /** The records were written, but not everything around them (RunStats.partial): some recordings could not
     * be downloaded (listed on stderr). */
    public static final int PARTIAL = 8;
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
