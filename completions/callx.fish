# fish completion for callx
# Generated from callx's command tree (dev.callx.cli.CompletionScripts): do not edit.
#
# Install: copy this file to ~/.config/fish/completions/callx.fish.

# The zones of the system's time zone database (callx reads zones as Java does).
function __callx_zones
    echo UTC
    set -l dir /usr/share/zoneinfo
    set -q TZDIR; and set dir $TZDIR
    for tab in $dir/zone1970.tab $dir/zone.tab
        test -r $tab; and string match -rv '^#' <$tab | string split -f3 \t
    end | sort -u
end

# Each name after what is typed of a comma-separated list.
function __callx_list
    set -l token (commandline -ct | string replace -r -- '^--?[^=]*=' '')
    set -l prefix (string match -r -- '^.*,' $token)
    for name in $argv
        echo $prefix$name
    end
end

complete -c callx -f

# commands
complete -c callx -n __fish_use_subcommand -a phone-history -d 'Ravan AI: every call with one phone number'
complete -c callx -n __fish_use_subcommand -a sessions -d 'Ravan AI: call sessions, filtered on the server'
complete -c callx -n __fish_use_subcommand -a contact-calls -d 'Ravan AI: every call of one contact'
complete -c callx -n __fish_use_subcommand -a vaani -d 'Vaani Voice: the call history'
complete -c callx -n __fish_use_subcommand -a calls -d 'Zudu AI: the list of calls'
complete -c callx -n __fish_use_subcommand -a sandbox -d 'Serve the five endpoints locally with synthetic data'
complete -c callx -n __fish_use_subcommand -a help -d 'When no COMMAND is given, the usage help for the main command is displayed'
complete -c callx -n __fish_use_subcommand -a completion -d 'Print the shell completion script for bash, zsh or fish'

# callx's own options
complete -c callx -n __fish_use_subcommand -s h -l help -d 'Show this help message and exit'
complete -c callx -n __fish_use_subcommand -l progress -x -a 'auto always never' -d 'The progress line on stderr: auto (when stderr is a terminal and the records go to a file), always or never'
complete -c callx -n __fish_use_subcommand -s q -l quiet -d 'Only errors on stderr'
complete -c callx -n __fish_use_subcommand -l sandbox -d 'Run the command against an in-process sandbox (synthetic data, its own credentials)'
complete -c callx -n __fish_use_subcommand -s v -l verbose -d 'More on stderr: each request (secrets masked), paging, duplicates, stack traces'
complete -c callx -n __fish_use_subcommand -s V -l version -d 'Print version information and exit'

# callx phone-history
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l allow-http -d 'Allow plain http:// to a host that is not loopback'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l base-url -x -d 'The platform\'s base URL'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l ca-cert -r -F -d 'Also trust the certificate authorities in this PEM bundle (a self-hosted platform with a private CA); SSL_CERT_FILE does the same'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l concurrency -x -d 'Requests in flight at once, 1 to 32 (default: 8; 1 = one after the other)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l csv-safe -d 'csv: prefix cells starting with = + - @ with \' (spreadsheet formula injection)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l fields -x -a '(__callx_list provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata)' -d 'Comma-separated fields, in that order (default: all; a shorter set for table)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -s f -l file -r -F -d 'Write to PATH instead of stdout, atomically: an existing file is replaced only when the export succeeds'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -s h -l help -d 'Show this help message and exit'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -s n -l limit -x -d 'Stop after N records'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l max-response-size -x -d 'The largest response callx reads, as decoded (default: 256MB); a larger one is an error, exit 7'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l max-wait -x -d 'The longest wait before a retry callx accepts, Retry-After included (default: 60s)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l no-header -d 'csv and table: no header row'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -s o -l output -x -a 'table csv jsonl json' -d 'table, csv, jsonl or json'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l page -x -d 'Fetch only page N, no auto-paging (pages count from 1)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l page-size -x -d 'Records per request, 1 to 100 (default: 100, the most Ravan allows)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l param -x -d 'Add a raw query parameter (repeatable), for what the API supports and callx does not name yet'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l progress -x -a 'auto always never' -d 'The progress line on stderr: auto (when stderr is a terminal and the records go to a file), always or never'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -s q -l quiet -d 'Only errors on stderr'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l raw -d 'Write each platform record exactly as received (json, jsonl)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l recordings -r -F -d 'Download each call\'s recording to DIR/<provider>/<id>.<ext> (one request per call with a recording; a file already complete is not downloaded again) and add the field recording_file'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l redact -d 'Replace phone numbers, e-mail addresses, caller names and card numbers in everything written (every format, --raw too): by tokens keyed with CALLX_REDACT_KEY, else by masks'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l retries -x -d 'Retries of a request that failed with 429, 500, 502, 503, 504 or a network error (default: 5)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l since -x -d 'Calls started at or after TIME: a date (2026-11-01), a date-time, or a duration back from now (90m, 24h, 7d)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l timeout -x -d 'Per-request timeout (default: 30s)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l transcripts -d 'Fill transcript for every platform: phone-history asks for them in its pages (include_transcripts=true) and Zudu has them there, at no extra request; vaani, sessions and contact-calls cost one request per call'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l tz -x -a '(__callx_zones)' -d 'Render timestamps in ZONE (default: UTC), e.g. Europe/Paris, +05:30'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -l until -x -d 'Calls started before TIME (same forms as --since)'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -s v -l verbose -d 'More on stderr: each request (secrets masked), paging, duplicates, stack traces'
complete -c callx -n '__fish_seen_subcommand_from phone-history' -s V -l version -d 'Print version information and exit'

# callx sessions
complete -c callx -n '__fish_seen_subcommand_from sessions' -l agent -x -d 'Only this agent\'s calls (agent_id)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l allow-http -d 'Allow plain http:// to a host that is not loopback'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l base-url -x -d 'The platform\'s base URL'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l ca-cert -r -F -d 'Also trust the certificate authorities in this PEM bundle (a self-hosted platform with a private CA); SSL_CERT_FILE does the same'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l caller -x -d 'Only calls from this number (caller_number)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l channel -x -d 'Only this channel, e.g. voice, web, sip (channel)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l concurrency -x -d 'Requests in flight at once, 1 to 32 (default: 8; 1 = one after the other)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l csv-safe -d 'csv: prefix cells starting with = + - @ with \' (spreadsheet formula injection)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l fields -x -a '(__callx_list provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata)' -d 'Comma-separated fields, in that order (default: all; a shorter set for table)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -s f -l file -r -F -d 'Write to PATH instead of stdout, atomically: an existing file is replaced only when the export succeeds'
complete -c callx -n '__fish_seen_subcommand_from sessions' -s h -l help -d 'Show this help message and exit'
complete -c callx -n '__fish_seen_subcommand_from sessions' -s n -l limit -x -d 'Stop after N records'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l max-response-size -x -d 'The largest response callx reads, as decoded (default: 256MB); a larger one is an error, exit 7'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l max-wait -x -d 'The longest wait before a retry callx accepts, Retry-After included (default: 60s)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l no-header -d 'csv and table: no header row'
complete -c callx -n '__fish_seen_subcommand_from sessions' -s o -l output -x -a 'table csv jsonl json' -d 'table, csv, jsonl or json'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l page -x -d 'Fetch only page N, no auto-paging (pages count from 1)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l page-size -x -d 'Records per request (default: 100; Ravan documents no maximum)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l param -x -d 'Add a raw query parameter (repeatable), for what the API supports and callx does not name yet'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l progress -x -a 'auto always never' -d 'The progress line on stderr: auto (when stderr is a terminal and the records go to a file), always or never'
complete -c callx -n '__fish_seen_subcommand_from sessions' -s q -l quiet -d 'Only errors on stderr'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l raw -d 'Write each platform record exactly as received (json, jsonl)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l recordings -r -F -d 'Download each call\'s recording to DIR/<provider>/<id>.<ext> (one request per call with a recording; a file already complete is not downloaded again) and add the field recording_file'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l redact -d 'Replace phone numbers, e-mail addresses, caller names and card numbers in everything written (every format, --raw too): by tokens keyed with CALLX_REDACT_KEY, else by masks'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l retries -x -d 'Retries of a request that failed with 429, 500, 502, 503, 504 or a network error (default: 5)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l search -x -d 'Free-text search (search)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l since -x -d 'Calls started at or after TIME: a date (2026-11-01), a date-time, or a duration back from now (90m, 24h, 7d)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l sort-by -x -d 'Sort field (sort_by)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l sort-order -x -a 'asc desc ascending descending' -d 'asc or desc (ascending and descending work too), sent as sort_order=asc|desc'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l status -x -d 'Only calls in this status (status)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l timeout -x -d 'Per-request timeout (default: 30s)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l transcripts -d 'Fill transcript for every platform: phone-history asks for them in its pages (include_transcripts=true) and Zudu has them there, at no extra request; vaani, sessions and contact-calls cost one request per call'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l tz -x -a '(__callx_zones)' -d 'Render timestamps in ZONE (default: UTC), e.g. Europe/Paris, +05:30'
complete -c callx -n '__fish_seen_subcommand_from sessions' -l until -x -d 'Calls started before TIME (same forms as --since)'
complete -c callx -n '__fish_seen_subcommand_from sessions' -s v -l verbose -d 'More on stderr: each request (secrets masked), paging, duplicates, stack traces'
complete -c callx -n '__fish_seen_subcommand_from sessions' -s V -l version -d 'Print version information and exit'

# callx contact-calls
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l allow-http -d 'Allow plain http:// to a host that is not loopback'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l base-url -x -d 'The platform\'s base URL'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l ca-cert -r -F -d 'Also trust the certificate authorities in this PEM bundle (a self-hosted platform with a private CA); SSL_CERT_FILE does the same'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l concurrency -x -d 'Requests in flight at once, 1 to 32 (default: 8; 1 = one after the other)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l csv-safe -d 'csv: prefix cells starting with = + - @ with \' (spreadsheet formula injection)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l fields -x -a '(__callx_list provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata)' -d 'Comma-separated fields, in that order (default: all; a shorter set for table)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -s f -l file -r -F -d 'Write to PATH instead of stdout, atomically: an existing file is replaced only when the export succeeds'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -s h -l help -d 'Show this help message and exit'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -s n -l limit -x -d 'Stop after N records'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l max-response-size -x -d 'The largest response callx reads, as decoded (default: 256MB); a larger one is an error, exit 7'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l max-wait -x -d 'The longest wait before a retry callx accepts, Retry-After included (default: 60s)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l no-header -d 'csv and table: no header row'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -s o -l output -x -a 'table csv jsonl json' -d 'table, csv, jsonl or json'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l param -x -d 'Add a raw query parameter (repeatable), for what the API supports and callx does not name yet'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l progress -x -a 'auto always never' -d 'The progress line on stderr: auto (when stderr is a terminal and the records go to a file), always or never'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -s q -l quiet -d 'Only errors on stderr'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l raw -d 'Write each platform record exactly as received (json, jsonl)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l recordings -r -F -d 'Download each call\'s recording to DIR/<provider>/<id>.<ext> (one request per call with a recording; a file already complete is not downloaded again) and add the field recording_file'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l redact -d 'Replace phone numbers, e-mail addresses, caller names and card numbers in everything written (every format, --raw too): by tokens keyed with CALLX_REDACT_KEY, else by masks'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l retries -x -d 'Retries of a request that failed with 429, 500, 502, 503, 504 or a network error (default: 5)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l since -x -d 'Calls started at or after TIME: a date (2026-11-01), a date-time, or a duration back from now (90m, 24h, 7d)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l timeout -x -d 'Per-request timeout (default: 30s)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l transcripts -d 'Fill transcript for every platform: phone-history asks for them in its pages (include_transcripts=true) and Zudu has them there, at no extra request; vaani, sessions and contact-calls cost one request per call'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l tz -x -a '(__callx_zones)' -d 'Render timestamps in ZONE (default: UTC), e.g. Europe/Paris, +05:30'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -l until -x -d 'Calls started before TIME (same forms as --since)'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -s v -l verbose -d 'More on stderr: each request (secrets masked), paging, duplicates, stack traces'
complete -c callx -n '__fish_seen_subcommand_from contact-calls' -s V -l version -d 'Print version information and exit'

# callx vaani
complete -c callx -n '__fish_seen_subcommand_from vaani' -l allow-http -d 'Allow plain http:// to a host that is not loopback'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l assume-tz -x -a '(__callx_zones)' -d 'Read Vaani\'s timestamps, which carry no zone, in ZONE (default: UTC)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l base-url -x -d 'The platform\'s base URL'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l ca-cert -r -F -d 'Also trust the certificate authorities in this PEM bundle (a self-hosted platform with a private CA); SSL_CERT_FILE does the same'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l concurrency -x -d 'Requests in flight at once, 1 to 32 (default: 8; 1 = one after the other)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l csv-safe -d 'csv: prefix cells starting with = + - @ with \' (spreadsheet formula injection)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l fields -x -a '(__callx_list provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata)' -d 'Comma-separated fields, in that order (default: all; a shorter set for table)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -s f -l file -r -F -d 'Write to PATH instead of stdout, atomically: an existing file is replaced only when the export succeeds'
complete -c callx -n '__fish_seen_subcommand_from vaani' -s h -l help -d 'Show this help message and exit'
complete -c callx -n '__fish_seen_subcommand_from vaani' -s n -l limit -x -d 'Stop after N records'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l max-response-size -x -d 'The largest response callx reads, as decoded (default: 256MB); a larger one is an error, exit 7'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l max-wait -x -d 'The longest wait before a retry callx accepts, Retry-After included (default: 60s)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l no-header -d 'csv and table: no header row'
complete -c callx -n '__fish_seen_subcommand_from vaani' -s o -l output -x -a 'table csv jsonl json' -d 'table, csv, jsonl or json'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l page -x -d 'Fetch only page N, no auto-paging (pages count from 1)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l page-size -x -d 'Records per request, 1 to 200 (default: 200, the most Vaani allows)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l param -x -d 'Add a raw query parameter (repeatable), for what the API supports and callx does not name yet'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l progress -x -a 'auto always never' -d 'The progress line on stderr: auto (when stderr is a terminal and the records go to a file), always or never'
complete -c callx -n '__fish_seen_subcommand_from vaani' -s q -l quiet -d 'Only errors on stderr'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l raw -d 'Write each platform record exactly as received (json, jsonl)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l recordings -r -F -d 'Download each call\'s recording to DIR/<provider>/<id>.<ext> (one request per call with a recording; a file already complete is not downloaded again) and add the field recording_file'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l redact -d 'Replace phone numbers, e-mail addresses, caller names and card numbers in everything written (every format, --raw too): by tokens keyed with CALLX_REDACT_KEY, else by masks'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l retries -x -d 'Retries of a request that failed with 429, 500, 502, 503, 504 or a network error (default: 5)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l since -x -d 'Calls started at or after TIME: a date (2026-11-01), a date-time, or a duration back from now (90m, 24h, 7d)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l timeout -x -d 'Per-request timeout (default: 30s)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l transcripts -d 'Fill transcript for every platform: phone-history asks for them in its pages (include_transcripts=true) and Zudu has them there, at no extra request; vaani, sessions and contact-calls cost one request per call'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l tz -x -a '(__callx_zones)' -d 'Render timestamps in ZONE (default: UTC), e.g. Europe/Paris, +05:30'
complete -c callx -n '__fish_seen_subcommand_from vaani' -l until -x -d 'Calls started before TIME (same forms as --since)'
complete -c callx -n '__fish_seen_subcommand_from vaani' -s v -l verbose -d 'More on stderr: each request (secrets masked), paging, duplicates, stack traces'
complete -c callx -n '__fish_seen_subcommand_from vaani' -s V -l version -d 'Print version information and exit'

# callx calls
complete -c callx -n '__fish_seen_subcommand_from calls' -l allow-http -d 'Allow plain http:// to a host that is not loopback'
complete -c callx -n '__fish_seen_subcommand_from calls' -l base-url -x -d 'The platform\'s base URL'
complete -c callx -n '__fish_seen_subcommand_from calls' -l ca-cert -r -F -d 'Also trust the certificate authorities in this PEM bundle (a self-hosted platform with a private CA); SSL_CERT_FILE does the same'
complete -c callx -n '__fish_seen_subcommand_from calls' -l concurrency -x -d 'Requests in flight at once, 1 to 32 (default: 8; 1 = one after the other)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l csv-safe -d 'csv: prefix cells starting with = + - @ with \' (spreadsheet formula injection)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l fields -x -a '(__callx_list provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata)' -d 'Comma-separated fields, in that order (default: all; a shorter set for table)'
complete -c callx -n '__fish_seen_subcommand_from calls' -s f -l file -r -F -d 'Write to PATH instead of stdout, atomically: an existing file is replaced only when the export succeeds'
complete -c callx -n '__fish_seen_subcommand_from calls' -s h -l help -d 'Show this help message and exit'
complete -c callx -n '__fish_seen_subcommand_from calls' -s n -l limit -x -d 'Stop after N records'
complete -c callx -n '__fish_seen_subcommand_from calls' -l max-response-size -x -d 'The largest response callx reads, as decoded (default: 256MB); a larger one is an error, exit 7'
complete -c callx -n '__fish_seen_subcommand_from calls' -l max-wait -x -d 'The longest wait before a retry callx accepts, Retry-After included (default: 60s)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l no-header -d 'csv and table: no header row'
complete -c callx -n '__fish_seen_subcommand_from calls' -s o -l output -x -a 'table csv jsonl json' -d 'table, csv, jsonl or json'
complete -c callx -n '__fish_seen_subcommand_from calls' -l page -x -d 'Fetch only page N, no auto-paging (Zudu counts pages from 0)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l page-size -x -d 'Records per request, sent as limit (default: 100; Zudu documents no maximum)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l param -x -d 'Add a raw query parameter (repeatable), for what the API supports and callx does not name yet'
complete -c callx -n '__fish_seen_subcommand_from calls' -l progress -x -a 'auto always never' -d 'The progress line on stderr: auto (when stderr is a terminal and the records go to a file), always or never'
complete -c callx -n '__fish_seen_subcommand_from calls' -s q -l quiet -d 'Only errors on stderr'
complete -c callx -n '__fish_seen_subcommand_from calls' -l raw -d 'Write each platform record exactly as received (json, jsonl)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l recordings -r -F -d 'Download each call\'s recording to DIR/<provider>/<id>.<ext> (one request per call with a recording; a file already complete is not downloaded again) and add the field recording_file'
complete -c callx -n '__fish_seen_subcommand_from calls' -l redact -d 'Replace phone numbers, e-mail addresses, caller names and card numbers in everything written (every format, --raw too): by tokens keyed with CALLX_REDACT_KEY, else by masks'
complete -c callx -n '__fish_seen_subcommand_from calls' -l retries -x -d 'Retries of a request that failed with 429, 500, 502, 503, 504 or a network error (default: 5)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l since -x -d 'Calls started at or after TIME: a date (2026-11-01), a date-time, or a duration back from now (90m, 24h, 7d)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l sort-by -x -d 'Sort field, e.g. start_timestamp (sort_by)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l sort-order -x -a 'asc desc ascending descending' -d 'ascending or descending (asc and desc work too), sent as sort_order=ascending|descending'
complete -c callx -n '__fish_seen_subcommand_from calls' -l timeout -x -d 'Per-request timeout (default: 30s)'
complete -c callx -n '__fish_seen_subcommand_from calls' -l transcripts -d 'Fill transcript for every platform: phone-history asks for them in its pages (include_transcripts=true) and Zudu has them there, at no extra request; vaani, sessions and contact-calls cost one request per call'
complete -c callx -n '__fish_seen_subcommand_from calls' -l tz -x -a '(__callx_zones)' -d 'Render timestamps in ZONE (default: UTC), e.g. Europe/Paris, +05:30'
complete -c callx -n '__fish_seen_subcommand_from calls' -l until -x -d 'Calls started before TIME (same forms as --since)'
complete -c callx -n '__fish_seen_subcommand_from calls' -s v -l verbose -d 'More on stderr: each request (secrets masked), paging, duplicates, stack traces'
complete -c callx -n '__fish_seen_subcommand_from calls' -s V -l version -d 'Print version information and exit'

# callx sandbox
complete -c callx -n '__fish_seen_subcommand_from sandbox' -l calls -x -d 'Synthetic calls per platform (default: 1000)'
complete -c callx -n '__fish_seen_subcommand_from sandbox' -l error-rate -x -d 'Share of requests answered 503, from 0 to 1 (default: 0)'
complete -c callx -n '__fish_seen_subcommand_from sandbox' -s h -l help -d 'Show this help message and exit'
complete -c callx -n '__fish_seen_subcommand_from sandbox' -l latency -x -d 'Delay added to every request, e.g. 20ms (default: none)'
complete -c callx -n '__fish_seen_subcommand_from sandbox' -l port -x -d 'The port (default: a free one)'
complete -c callx -n '__fish_seen_subcommand_from sandbox' -l rate-limit-rate -x -d 'Share of requests answered 429 with Retry-After, from 0 to 1 (default: 0)'
complete -c callx -n '__fish_seen_subcommand_from sandbox' -l seed -x -d 'The seed: the same seed gives the same data (default: 42)'
complete -c callx -n '__fish_seen_subcommand_from sandbox' -s V -l version -d 'Print version information and exit'

# callx help
complete -c callx -n '__fish_seen_subcommand_from help' -s h -l help -d 'Show usage help for the help command and exit'
complete -c callx -n '__fish_seen_subcommand_from help' -a 'phone-history sessions contact-calls vaani calls sandbox help completion' -d 'COMMAND'

# callx completion
complete -c callx -n '__fish_seen_subcommand_from completion' -s h -l help -d 'Show this help message and exit'
complete -c callx -n '__fish_seen_subcommand_from completion' -s V -l version -d 'Print version information and exit'
complete -c callx -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish' -d 'SHELL'
