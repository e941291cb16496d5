# bash completion for callx                                -*- shell-script -*-
# Generated from callx's command tree (dev.callx.cli.CompletionScripts): do not edit.
#
# Install: source this file from ~/.bashrc, or copy it to
# ~/.local/share/bash-completion/completions/callx (or /usr/share/bash-completion/completions/).

# The zones of the system's time zone database (callx reads zones as Java does).
_callx_zones() {
    local dir="${TZDIR:-/usr/share/zoneinfo}" tab
    printf '%s\n' UTC
    for tab in "$dir/zone1970.tab" "$dir/zone.tab"; do
        [ -r "$tab" ] && awk -F'\t' '!/^#/ && NF >= 3 { print $3 }' "$tab"
    done | sort -u
}

# Completes the last name of a comma-separated list ($1: the names, $2: the word so far).
_callx_list() {
    local prefix="" last="$2"
    if [[ "$2" == *,* ]]; then
        prefix="${2%,*},"
        last="${2##*,}"
    fi
    COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "$last"))
    compopt -o nospace 2>/dev/null
}

_callx_phone_history() {
    case "$prev" in
        --base-url)
            COMPREPLY=()  # URL
            return ;;
        --ca-cert)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --concurrency)
            COMPREPLY=()  # N
            return ;;
        --fields)
            _callx_list "provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata" "$cur"
            return ;;
        -f|--file)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        -n|--limit)
            COMPREPLY=()  # N
            return ;;
        --lookback)
            COMPREPLY=()  # DURATION
            return ;;
        --max-response-size)
            COMPREPLY=()  # SIZE
            return ;;
        --max-wait)
            COMPREPLY=()  # DURATION
            return ;;
        -o|--output)
            COMPREPLY=($(compgen -W "table csv jsonl json" -- "$cur"))
            return ;;
        --page)
            COMPREPLY=()  # N
            return ;;
        --page-size)
            COMPREPLY=()  # N
            return ;;
        --param)
            COMPREPLY=()  # KEY=VALUE
            return ;;
        --profile)
            COMPREPLY=()  # NAME
            return ;;
        --progress)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --recordings)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --retries)
            COMPREPLY=()  # N
            return ;;
        --since)
            COMPREPLY=()  # TIME
            return ;;
        --state)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --summary-json)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --timeout)
            COMPREPLY=()  # DURATION
            return ;;
        --tz)
            local IFS=$'\n'; COMPREPLY=($(compgen -W "$(_callx_zones)" -- "$cur"))
            return ;;
        --until)
            COMPREPLY=()  # TIME
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--allow-http --base-url --ca-cert --concurrency --csv-safe --fields -f --file --full-refresh -h --help -n --limit --lookback --max-response-size --max-wait --no-header -o --output --page --page-size --param --profile --progress -q --quiet --raw --recordings --redact --retries --since --state --summary-json --timeout --transcripts --tz --until -v --verbose -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=()  # PHONE
}

_callx_sessions() {
    case "$prev" in
        --agent)
            COMPREPLY=()  # ID
            return ;;
        --base-url)
            COMPREPLY=()  # URL
            return ;;
        --ca-cert)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --caller)
            COMPREPLY=()  # E164
            return ;;
        --channel)
            COMPREPLY=()  # C
            return ;;
        --concurrency)
            COMPREPLY=()  # N
            return ;;
        --fields)
            _callx_list "provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata" "$cur"
            return ;;
        -f|--file)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        -n|--limit)
            COMPREPLY=()  # N
            return ;;
        --lookback)
            COMPREPLY=()  # DURATION
            return ;;
        --max-response-size)
            COMPREPLY=()  # SIZE
            return ;;
        --max-wait)
            COMPREPLY=()  # DURATION
            return ;;
        -o|--output)
            COMPREPLY=($(compgen -W "table csv jsonl json" -- "$cur"))
            return ;;
        --page)
            COMPREPLY=()  # N
            return ;;
        --page-size)
            COMPREPLY=()  # N
            return ;;
        --param)
            COMPREPLY=()  # KEY=VALUE
            return ;;
        --profile)
            COMPREPLY=()  # NAME
            return ;;
        --progress)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --recordings)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --retries)
            COMPREPLY=()  # N
            return ;;
        --search)
            COMPREPLY=()  # TEXT
            return ;;
        --since)
            COMPREPLY=()  # TIME
            return ;;
        --sort-by)
            COMPREPLY=()  # F
            return ;;
        --sort-order)
            COMPREPLY=($(compgen -W "asc desc ascending descending" -- "$cur"))
            return ;;
        --state)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --status)
            COMPREPLY=()  # S
            return ;;
        --summary-json)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --timeout)
            COMPREPLY=()  # DURATION
            return ;;
        --tz)
            local IFS=$'\n'; COMPREPLY=($(compgen -W "$(_callx_zones)" -- "$cur"))
            return ;;
        --until)
            COMPREPLY=()  # TIME
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--agent --allow-http --base-url --ca-cert --caller --channel --concurrency --csv-safe --fields -f --file --full-refresh -h --help -n --limit --lookback --max-response-size --max-wait --no-header -o --output --page --page-size --param --profile --progress -q --quiet --raw --recordings --redact --retries --search --since --sort-by --sort-order --state --status --summary-json --timeout --transcripts --tz --until -v --verbose -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=()
}

_callx_contact_calls() {
    case "$prev" in
        --base-url)
            COMPREPLY=()  # URL
            return ;;
        --ca-cert)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --concurrency)
            COMPREPLY=()  # N
            return ;;
        --fields)
            _callx_list "provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata" "$cur"
            return ;;
        -f|--file)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        -n|--limit)
            COMPREPLY=()  # N
            return ;;
        --lookback)
            COMPREPLY=()  # DURATION
            return ;;
        --max-response-size)
            COMPREPLY=()  # SIZE
            return ;;
        --max-wait)
            COMPREPLY=()  # DURATION
            return ;;
        -o|--output)
            COMPREPLY=($(compgen -W "table csv jsonl json" -- "$cur"))
            return ;;
        --param)
            COMPREPLY=()  # KEY=VALUE
            return ;;
        --profile)
            COMPREPLY=()  # NAME
            return ;;
        --progress)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --recordings)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --retries)
            COMPREPLY=()  # N
            return ;;
        --since)
            COMPREPLY=()  # TIME
            return ;;
        --state)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --summary-json)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --timeout)
            COMPREPLY=()  # DURATION
            return ;;
        --tz)
            local IFS=$'\n'; COMPREPLY=($(compgen -W "$(_callx_zones)" -- "$cur"))
            return ;;
        --until)
            COMPREPLY=()  # TIME
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--allow-http --base-url --ca-cert --concurrency --csv-safe --fields -f --file --full-refresh -h --help -n --limit --lookback --max-response-size --max-wait --no-header -o --output --param --profile --progress -q --quiet --raw --recordings --redact --retries --since --state --summary-json --timeout --transcripts --tz --until -v --verbose -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=()  # CONTACT_ID
}

_callx_vaani() {
    case "$prev" in
        --assume-tz)
            local IFS=$'\n'; COMPREPLY=($(compgen -W "$(_callx_zones)" -- "$cur"))
            return ;;
        --base-url)
            COMPREPLY=()  # URL
            return ;;
        --ca-cert)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --concurrency)
            COMPREPLY=()  # N
            return ;;
        --fields)
            _callx_list "provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata" "$cur"
            return ;;
        -f|--file)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        -n|--limit)
            COMPREPLY=()  # N
            return ;;
        --lookback)
            COMPREPLY=()  # DURATION
            return ;;
        --max-response-size)
            COMPREPLY=()  # SIZE
            return ;;
        --max-wait)
            COMPREPLY=()  # DURATION
            return ;;
        -o|--output)
            COMPREPLY=($(compgen -W "table csv jsonl json" -- "$cur"))
            return ;;
        --page)
            COMPREPLY=()  # N
            return ;;
        --page-size)
            COMPREPLY=()  # N
            return ;;
        --param)
            COMPREPLY=()  # KEY=VALUE
            return ;;
        --profile)
            COMPREPLY=()  # NAME
            return ;;
        --progress)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --recordings)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --retries)
            COMPREPLY=()  # N
            return ;;
        --since)
            COMPREPLY=()  # TIME
            return ;;
        --state)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --summary-json)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --timeout)
            COMPREPLY=()  # DURATION
            return ;;
        --tz)
            local IFS=$'\n'; COMPREPLY=($(compgen -W "$(_callx_zones)" -- "$cur"))
            return ;;
        --until)
            COMPREPLY=()  # TIME
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--allow-http --assume-tz --base-url --ca-cert --concurrency --csv-safe --fields -f --file --full-refresh -h --help -n --limit --lookback --max-response-size --max-wait --no-header -o --output --page --page-size --param --profile --progress -q --quiet --raw --recordings --redact --retries --since --state --summary-json --timeout --transcripts --tz --until -v --verbose -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=()
}

_callx_calls() {
    case "$prev" in
        --base-url)
            COMPREPLY=()  # URL
            return ;;
        --ca-cert)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --concurrency)
            COMPREPLY=()  # N
            return ;;
        --fields)
            _callx_list "provider id started_at ended_at duration_sec direction channel status from_number to_number caller_name caller_email agent_id agent_name organization_id cost summary sentiment disconnect_reason latency_ms recording_url transcript transcript_url error_message metadata" "$cur"
            return ;;
        -f|--file)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        -n|--limit)
            COMPREPLY=()  # N
            return ;;
        --lookback)
            COMPREPLY=()  # DURATION
            return ;;
        --max-response-size)
            COMPREPLY=()  # SIZE
            return ;;
        --max-wait)
            COMPREPLY=()  # DURATION
            return ;;
        -o|--output)
            COMPREPLY=($(compgen -W "table csv jsonl json" -- "$cur"))
            return ;;
        --page)
            COMPREPLY=()  # N
            return ;;
        --page-size)
            COMPREPLY=()  # N
            return ;;
        --param)
            COMPREPLY=()  # KEY=VALUE
            return ;;
        --profile)
            COMPREPLY=()  # NAME
            return ;;
        --progress)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --recordings)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --retries)
            COMPREPLY=()  # N
            return ;;
        --since)
            COMPREPLY=()  # TIME
            return ;;
        --sort-by)
            COMPREPLY=()  # F
            return ;;
        --sort-order)
            COMPREPLY=($(compgen -W "asc desc ascending descending" -- "$cur"))
            return ;;
        --state)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --summary-json)
            compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --timeout)
            COMPREPLY=()  # DURATION
            return ;;
        --tz)
            local IFS=$'\n'; COMPREPLY=($(compgen -W "$(_callx_zones)" -- "$cur"))
            return ;;
        --until)
            COMPREPLY=()  # TIME
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--allow-http --base-url --ca-cert --concurrency --csv-safe --fields -f --file --full-refresh -h --help -n --limit --lookback --max-response-size --max-wait --no-header -o --output --page --page-size --param --profile --progress -q --quiet --raw --recordings --redact --retries --since --sort-by --sort-order --state --summary-json --timeout --transcripts --tz --until -v --verbose -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=()
}

_callx_sandbox() {
    case "$prev" in
        --calls)
            COMPREPLY=()  # N
            return ;;
        --error-rate)
            COMPREPLY=()  # R
            return ;;
        --latency)
            COMPREPLY=()  # DURATION
            return ;;
        --port)
            COMPREPLY=()  # P
            return ;;
        --rate-limit-rate)
            COMPREPLY=()  # R
            return ;;
        --seed)
            COMPREPLY=()  # S
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--calls --error-rate -h --help --latency --port --rate-limit-rate --seed -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=()
}

_callx_config() {
    case "$prev" in
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "-h --help -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -W "list" -- "$cur"))
}

_callx_help() {
    case "$prev" in
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "-h --help" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -W "phone-history sessions contact-calls vaani calls sandbox config help completion" -- "$cur"))
}

_callx_completion() {
    case "$prev" in
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "-h --help -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
}

_callx_main() {
    case "$prev" in
        --progress)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "-h --help --progress -q --quiet --sandbox -v --verbose -V --version" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -W "phone-history sessions contact-calls vaani calls sandbox config help completion" -- "$cur"))
}

_callx() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    # --option=value: bash splits the = off into a word of its own
    if [[ "$cur" == "=" ]]; then
        cur=""
    elif [[ "$prev" == "=" && $COMP_CWORD -ge 2 ]]; then
        prev="${COMP_WORDS[COMP_CWORD-2]}"
    fi
    # the command: the first word that is neither an option nor an option's value
    local cmd="" i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            --progress) ((i++)) ;;
            =) ((i++)) ;;
            -*) ;;
            *) cmd="$word"; break ;;
        esac
    done
    case "$cmd" in
        phone-history) _callx_phone_history ;;
        sessions) _callx_sessions ;;
        contact-calls) _callx_contact_calls ;;
        vaani) _callx_vaani ;;
        calls) _callx_calls ;;
        sandbox) _callx_sandbox ;;
        config) _callx_config ;;
        help) _callx_help ;;
        completion) _callx_completion ;;
        "") _callx_main ;;
    esac
}

complete -F _callx callx
