# shellcheck shell=bash
# Shared by tests/run.sh and tests/bench.sh: progress lines, Debian packages, a throwaway PostgreSQL 15,
# TRX summaries. Sourced, never run; the caller sets `set -euo pipefail` and calls infra_install_traps.

INFRA_TAG=${INFRA_TAG:-infra}
INFRA_PG_BIN=${INFRA_PG_BIN:-/usr/lib/postgresql/15/bin}
INFRA_PG_DIR=""
INFRA_PG_PORT=""

infra_log() {
    printf '[%s +%ss] %s\n' "$INFRA_TAG" "$SECONDS" "$*"
}

infra_die() {
    printf '[%s +%ss] ERROR: %s\n' "$INFRA_TAG" "$SECONDS" "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root (the fresh machines), else through sudo.
infra_as_root() {
    if ((EUID == 0)); then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        infra_die "need root (or sudo) to run: $*"
    fi
}

# initdb and postgres refuse to run as root, so the server belongs to the user postgres.
infra_as_postgres() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

infra_package_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Installs the Debian packages that are missing; `apt-get update` runs only when one is missing.
infra_ensure_packages() {
    local missing=() package log
    if ! command -v dpkg-query >/dev/null 2>&1; then
        infra_log "not a Debian system: assuming $* are installed"
        return 0
    fi
    for package in "$@"; do
        infra_package_installed "$package" || missing+=("$package")
    done
    if ((${#missing[@]} == 0)); then
        infra_log "packages present: $*"
        return 0
    fi
    infra_log "installing Debian packages: ${missing[*]} (a few minutes on a fresh machine)"
    log=$(mktemp /tmp/commandcentre-apt.XXXXXX)
    # A lock timeout instead of failing when unattended upgrades hold the dpkg lock.
    if ! infra_as_root apt-get -o DPkg::Lock::Timeout=300 update -qq >"$log" 2>&1 ||
        ! infra_as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" >>"$log" 2>&1; then
        tail -n 30 "$log" >&2
        rm -f -- "$log"
        infra_die "apt-get could not install: ${missing[*]}"
    fi
    rm -f -- "$log"
    for package in "${missing[@]}"; do
        infra_package_installed "$package" || infra_die "package $package is still not installed"
    done
    infra_log "installed: ${missing[*]}"
}

infra_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a port nobody listens on. Below Linux's ephemeral range (32768+) so that outgoing connections do
# not take it; the caller still retries, because another process may bind it first.
infra_free_port() {
    local port attempt
    for ((attempt = 0; attempt < 200; attempt++)); do
        port=$((20000 + RANDOM % 12000))
        if ! infra_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

# Starts a throwaway PostgreSQL 15 on 127.0.0.1 in a fresh directory under /tmp (fsync stays on, so
# storage code is measured and tested as in production). Sets INFRA_PG_DIR and INFRA_PG_PORT.
# Stopped and deleted by infra_pg_stop, which the traps call.
infra_pg_start() {
    local attempt
    [[ -x $INFRA_PG_BIN/initdb && -x $INFRA_PG_BIN/pg_ctl ]] ||
        infra_die "PostgreSQL 15 server binaries not found in $INFRA_PG_BIN (package postgresql)"
    # /tmp, not $TMPDIR: the user postgres must be able to reach the directory.
    INFRA_PG_DIR=$(mktemp -d /tmp/commandcentre-pg.XXXXXX)
    if ((EUID == 0)); then
        chown postgres: "$INFRA_PG_DIR"
    fi
    # UTF8 whatever the caller's locale: the data is Chinese text.
    if ! infra_as_postgres "$INFRA_PG_BIN/initdb" -D "$INFRA_PG_DIR/data" -A trust -U postgres \
        -E UTF8 --locale=C.UTF-8 >"$INFRA_PG_DIR/initdb.log" 2>&1; then
        tail -n 20 "$INFRA_PG_DIR/initdb.log" >&2
        infra_die "initdb failed"
    fi
    for attempt in 1 2 3 4 5; do
        INFRA_PG_PORT=$(infra_free_port) || infra_die "no free TCP port found on 127.0.0.1"
        # max_connections above the default 100: every test database gets its own connection pool.
        if infra_as_postgres "$INFRA_PG_BIN/pg_ctl" -D "$INFRA_PG_DIR/data" -l "$INFRA_PG_DIR/server.log" -w -t 60 \
            -o "-p $INFRA_PG_PORT -k $INFRA_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" \
            start >/dev/null 2>&1; then
            infra_log "PostgreSQL 15 started on 127.0.0.1:$INFRA_PG_PORT (data in $INFRA_PG_DIR)"
            return 0
        fi
        infra_log "PostgreSQL did not start on port $INFRA_PG_PORT (attempt $attempt), trying another port"
    done
    tail -n 20 "$INFRA_PG_DIR/server.log" >&2 || true
    infra_die "PostgreSQL would not start"
}

# The admin connection string (Npgsql form) of the server infra_pg_start started.
infra_pg_connection() {
    printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=postgres\n' "$INFRA_PG_PORT"
}

# Safe to call twice and when nothing was started. "quiet" keeps an error message the last line.
infra_pg_stop() {
    local dir=$INFRA_PG_DIR quiet=${1:-} pid
    [[ -n $dir ]] || return 0
    INFRA_PG_DIR=""
    if [[ -f $dir/data/postmaster.pid ]]; then
        if ! infra_as_postgres "$INFRA_PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 &&
            ! infra_as_postgres "$INFRA_PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1; then
            pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
            if [[ $pid =~ ^[0-9]+$ ]]; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
        [[ $quiet == quiet ]] || infra_log "PostgreSQL stopped"
    fi
    rm -rf -- "$dir"
}

infra_cleanup() {
    local status=$?
    # A second Ctrl-C must not leave the server running half-stopped.
    trap '' INT TERM HUP
    infra_pg_stop quiet
    exit "$status"
}

# EXIT covers normal ends and `set -e` failures; the signal traps turn Ctrl-C and kills into an exit.
infra_install_traps() {
    trap infra_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP
}

# Reads TRX files (VSTest's XML results) and prints, for each file, lines of the form
#   FAIL<TAB>test name<TAB>first line of the error message
# followed by one line "COUNT passed failed skipped". Splitting records on "<" is safe because
# XML escapes "<" inside attribute values and text.
infra_trx_summary() {
    awk '
        function unescape(s) {
            gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s)
            gsub(/&#x[dDaA];/, " ", s); gsub(/&amp;/, "\\&", s)
            return s
        }
        function attribute(record, name,   start) {
            if (!match(record, "[ \t\r\n]" name "=\"[^\"]*\"")) return ""
            start = RSTART + length(name) + 3
            return unescape(substr(record, start, RSTART + RLENGTH - 1 - start))
        }
        function flush() {
            if (pending != "") { printf "FAIL\t%s\t%s\n", pending, message }
            pending = ""; message = ""
        }
        BEGIN { RS = "<"; passed = 0; failed = 0; skipped = 0 }
        FNR == 1 { flush() }
        /^UnitTestResult[ \t\r\n]/ {
            flush()
            name = attribute($0, "testName"); outcome = attribute($0, "outcome")
            if (outcome == "Passed" || outcome == "Completed" || outcome == "PassedButRunAborted") passed++
            else if (outcome == "NotExecuted" || outcome == "Inconclusive") skipped++
            else { failed++; pending = name; if (pending == "") pending = "(unnamed test)" }
            next
        }
        /^Message>/ && pending != "" && message == "" {
            text = substr($0, 9); sub(/^[ \t\r\n]+/, "", text)
            newline = index(text, "\n"); if (newline > 0) text = substr(text, 1, newline - 1)
            sub(/\r$/, "", text); text = unescape(text)
            if (length(text) > 240) text = substr(text, 1, 240) "..."
            message = text
            next
        }
        END { flush(); printf "COUNT %d %d %d\n", passed, failed, skipped }
    ' "$@"
}
