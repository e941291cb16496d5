package dev.callx.export;

import dev.callx.http.HttpSettings;
import dev.callx.output.OutputOptions;
import dev.callx.provider.Endpoint;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One export, as the command line asked for it.
 *
 * @param command     the command's name, for messages
 * @param endpoint    what to call, for the window the command line gives
 * @param endpointFor what to call for another window (--state moves its start), for endpoints that
 *                    send the window to the server
 * @param baseUrl     --base-url, or null for the environment variable or the default
 * @param params      --param KEY=VALUE pairs, in order; a key may repeat
 * @param page        --page, or null to page through everything
 * @param pageSize    --page-size, or null for the platform's largest
 * @param limit       --limit, or 0 for none
 * @param window      --since/--until, filtered on the client
 * @param assumeZone  the zone of time stamps that carry none
 * @param output      how to write
 * @param file        --file, or null for stdout
 * @param http        timeouts and retries
 * @param concurrency requests in flight at most (--concurrency)
 * @param content     --transcripts, --recordings, --redact
 * @param state       --state and its options, or null
 */
public record ExportRequest(String command, Endpoint endpoint, Function<TimeWindow, Endpoint> endpointFor,
                            String baseUrl, List<Map.Entry<String, String>> params, Long page, Integer pageSize,
                            long limit, TimeWindow window, ZoneId assumeZone, OutputOptions output, Path file,
                            HttpSettings http, int concurrency, Content content, StateOptions state) {
}
