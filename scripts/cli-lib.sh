# What the scripts people run share; sourced, not run:
#   cli_help "$@"                 --help / -h prints the script's header comment and exits
#   progress_init M               the script has M numbered steps
#   progress_begin LABEL [LOG]    "==> [N/M] LABEL"; then a live line (LOG: the step's output is
#                                 captured there) or a "still running" line every 30 s
#   progress_end STATUS           "<== [N/M] LABEL: ok in 12 s (total 1 min 03 s)" or FAILED
#   progress_quiet LABEL CMD...   begin, CMD with its output to a log (shown if it fails), end
# Without progress_init, steps are not numbered.
#   cli_descendants PID           PID's children, grandchildren... (read from /proc)
#   cli_stop PID...               TERM, wait up to CLI_STOP_GRACE s (default 10), then KILL
#   cli_need_venv NAME            python3 -m venv works (installs python3-venv as root), or exit
#   cli_make_venv DIR PACKAGE...  a fresh venv in DIR with the packages from PyPI
# Progress goes to standard error, so a script's standard output stays what it was.

# shellcheck disable=SC2034
PROGRESS_TOTAL=0 PROGRESS_N=0 PROGRESS_T0=$SECONDS PROGRESS_STEP_T0=$SECONDS
PROGRESS_LABEL="" PROGRESS_TICKER=""

cli_help() {
    local arg
    for arg in "$@"; do
        case "$arg" in
            -h|--help) cli_print_help; exit 0 ;;
            --) return 0 ;;
        esac
    done
}

# The comment block under the shebang, without its "# ".
cli_print_help() {
    awk 'NR == 1 && /^#!/ { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}

# 75 -> "1 min 15 s"
cli_duration() {
    local s=$1
    if [ "$s" -ge 60 ]; then printf '%d min %02d s' $((s / 60)) $((s % 60)); else printf '%d s' "$s"; fi
}

progress_init() {
    PROGRESS_TOTAL=$1
    PROGRESS_N=0
    PROGRESS_T0=$SECONDS
}

progress_begin() {
    PROGRESS_LABEL=$1
    local log=${2:-}
    PROGRESS_N=$((PROGRESS_N + 1))
    PROGRESS_STEP_T0=$SECONDS
    local tag=""
    [ "$PROGRESS_TOTAL" -gt 0 ] && tag="[$PROGRESS_N/$PROGRESS_TOTAL]"
    echo "==> $tag${tag:+ }$PROGRESS_LABEL" >&2
    # The ticker is a subshell; it ends with the step (progress_end) or when the script is gone.
    local script=$$ live=0 width=0
    if [ -n "$log" ] && [ -t 2 ]; then
        live=1
        width=$({ stty size </dev/tty; } 2>/dev/null | awk '{ print $2 }')
        width=$(( ${width:-100} - ${#tag} - ${#PROGRESS_LABEL} - 24 ))
        [ "$width" -ge 10 ] || width=10
    fi
    (
        nap=""
        trap '[ -n "$nap" ] && kill "$nap" 2>/dev/null; exit 0' TERM
        start=$SECONDS
        next=30
        while [ -d "/proc/$script" ]; do
            sleep 1 & nap=$!
            wait "$nap"
            elapsed=$((SECONDS - start))
            if [ "$live" = 1 ]; then
                last=$(tail -n 1 "$log" 2>/dev/null | tr -d '\r' | cut -c "1-$width")
                printf '\r\033[K    %s%s  %s  %s' "$tag${tag:+ }" "$PROGRESS_LABEL" "$(cli_duration "$elapsed")" "$last" >&2
            elif [ "$elapsed" -ge "$next" ]; then
                next=$((next + 30))
                echo "    $tag${tag:+ }$PROGRESS_LABEL: still running, $(cli_duration "$elapsed")" >&2
            fi
        done
    ) &
    PROGRESS_TICKER=$!
}

progress_stop_ticker() {
    [ -n "$PROGRESS_TICKER" ] || return 0
    kill "$PROGRESS_TICKER" 2>/dev/null || true
    wait "$PROGRESS_TICKER" 2>/dev/null || true
    PROGRESS_TICKER=""
    [ -t 2 ] && printf '\r\033[K' >&2
    return 0
}

progress_end() {
    local status=${1:-0}
    progress_stop_ticker
    local took total word=ok
    took=$(cli_duration $((SECONDS - PROGRESS_STEP_T0)))
    total=$(cli_duration $((SECONDS - PROGRESS_T0)))
    [ "$status" = 0 ] || word=FAILED
    if [ "$PROGRESS_TOTAL" -gt 0 ]; then
        echo "<== [$PROGRESS_N/$PROGRESS_TOTAL] $PROGRESS_LABEL: $word in $took (total $total)" >&2
    else
        echo "<== $PROGRESS_LABEL: $word in $took" >&2
    fi
    return 0
}

# A step whose output matters only when it fails (a quiet pip install, say): the output goes
# to a temporary log, printed if the command fails.
progress_quiet() {
    local label=$1 log status=0
    shift
    log=$(mktemp)
    progress_begin "$label" "$log"
    "$@" >"$log" 2>&1 || status=$?
    progress_end "$status"
    [ "$status" = 0 ] || cat "$log" >&2
    rm -f "$log"
    return "$status"
}

cli_descendants() {
    local root=$1 stat line pid rest ppid parent child
    local -A children=()
    for stat in /proc/[0-9]*/stat; do
        read -r line 2>/dev/null <"$stat" || continue
        pid=${line%% *}
        rest=${line##*) }  # after the command name, which may hold spaces: "S PPID ..."
        ppid=${rest#* }
        ppid=${ppid%% *}
        children[$ppid]+="$pid "
    done
    local queue=("$root")
    while [ "${#queue[@]}" -gt 0 ]; do
        parent=${queue[0]}
        queue=("${queue[@]:1}")
        for child in ${children[$parent]:-}; do
            echo "$child"
            queue+=("$child")
        done
    done
}

# Running and not a zombie.
cli_alive() {
    local line
    read -r line 2>/dev/null <"/proc/$1/stat" || return 1
    line=${line##*) }
    [ "${line%% *}" != Z ]
}

cli_stop() {
    local pid left i
    [ "$#" -gt 0 ] || return 0
    kill -TERM "$@" 2>/dev/null
    for ((i = 0; i < ${CLI_STOP_GRACE:-10} * 10; i++)); do
        left=()
        for pid in "$@"; do cli_alive "$pid" && left+=("$pid"); done
        [ "${#left[@]}" -eq 0 ] && return 0
        sleep 0.1
    done
    kill -KILL "${left[@]}" 2>/dev/null
    return 0
}

# Python tools go into venvs under build/: Debian's system pip refuses to install
# (externally-managed-environment), and a venv never disturbs other Python packages.
cli_need_venv() {
    python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    else
        echo "$1: python3 venv support is missing (Debian: apt-get install python3-venv)" >&2
        exit 1
    fi
}

cli_make_venv() {
    local venv=$1
    shift
    rm -rf "$venv"
    python3 -m venv "$venv" && "$venv/bin/pip" install --disable-pip-version-check "$@"
}
