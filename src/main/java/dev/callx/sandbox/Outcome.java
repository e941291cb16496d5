package dev.callx.sandbox;

/** How a synthetic call ended; each platform renders it in its own vocabulary. */
enum Outcome {
    USER_HANGUP, AGENT_HANGUP, COMPLETED, NO_ANSWER, FAILED;

    boolean answered() {
        return this == USER_HANGUP || this == AGENT_HANGUP || this == COMPLETED;
    }

    /** Weighted pick from a uniform value in [0,100). */
    static Outcome fromPercent(int p) {
        if (p < 40) {
            return USER_HANGUP;
        }
        if (p < 62) {
            return AGENT_HANGUP;
        }
        if (p < 80) {
            return COMPLETED;
        }
        if (p < 93) {
            return NO_ANSWER;
        }
        return FAILED;
    }
}
