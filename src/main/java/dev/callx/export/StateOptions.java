package dev.callx.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code --state FILE} and what goes with it (issue 9).
 *
 * @param file        the state file
 * @param lookback    --lookback: how far before the high-water mark each run looks again
 * @param fullRefresh --full-refresh: ignore the stored position (the state is still updated)
 * @param filters     the command's filters, {@code NAME=VALUE}, part of the export's key (never a secret)
 * @param baseUrl     the base URL as the key names it, or null for the URL the export calls
 *                    ({@code sandbox} for --sandbox, whose port changes every run)
 */
public record StateOptions(Path file, Duration lookback, boolean fullRefresh, List<String> filters, String baseUrl) {
    public StateOptions {
        filters = List.copyOf(filters);
    }
}
