package dev.callx.state;

import java.util.ArrayList;
import java.util.List;

/**
 * What one export in a state file is: the command, the platform, the base URL (without userinfo)
 * and the filters that choose its calls, as {@code NAME=VALUE} strings sorted ({@code PHONE=+1415...},
 * {@code --status=completed}, {@code --param=channel=voice}). Never a credential: a {@code --param}
 * whose name looks secret is kept with its value masked. --since, --until and the sort are not part
 * of it: the first changes every night, the others do not change which calls there are.
 */
public record ExportKey(String command, String platform, String baseUrl, List<String> filters) {
    public ExportKey {
        List<String> sorted = new ArrayList<>(filters);
        sorted.sort(null);
        filters = List.copyOf(sorted);
    }

    /** For messages: {@code calls on zudu at https://api.zudu.ai/ with --status=completed}. */
    public String describe() {
        return command + " on " + platform + " at " + baseUrl
                + (filters.isEmpty() ? " without filters" : " with " + String.join(" ", filters));
    }

    /** How this key differs from {@code other}, for the refusal message: "another command (calls)". */
    String difference(ExportKey other) {
        List<String> d = new ArrayList<>();
        if (!command.equals(other.command)) {
            d.add("command " + other.command);
        }
        if (!platform.equals(other.platform)) {
            d.add("platform " + other.platform);
        }
        if (!baseUrl.equals(other.baseUrl)) {
            d.add("base URL " + other.baseUrl);
        }
        if (!filters.equals(other.filters)) {
            d.add(other.filters.isEmpty() ? "no filters" : "filters " + String.join(" ", other.filters));
        }
        return String.join(", ", d);
    }
}
