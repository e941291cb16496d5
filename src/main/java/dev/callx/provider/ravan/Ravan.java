package dev.callx.provider.ravan;

import dev.callx.provider.ErrorMessages;
import dev.callx.provider.Platform;

/** Ravan AI: phone-history, call-sessions and contact calls. */
public final class Ravan {
    public static final Platform PLATFORM = new Platform("ravan", "Ravan AI", "https://api.ravan.ai",
            "RAVAN_BASE_URL", body -> ErrorMessages.first(body, "message", "error", "detail"));
    public static final String API_KEY_ENV = "RAVAN_API_KEY";
    public static final String TOKEN_ENV = "RAVAN_TOKEN";

    private Ravan() {
    }
}
