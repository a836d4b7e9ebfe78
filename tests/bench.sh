#!/usr/bin/env bash
# Runs one benchmark of tests/Bench against a throwaway PostgreSQL 15 on 127.0.0.1:
#   bash tests/bench.sh grain-calls|state-writes|domain|live|cluster|fuzz|chaos
# Metric lines have the form "metric: value unit". For state-writes and domain, pgbench's simple-update script
# runs on the same server afterwards, as the baseline of what this PostgreSQL does on this machine; domain also
# prints its appeal transitions per second as a share of it. cluster runs two silo processes and a Dashboard from
# their Release builds (built here first) and kills silos under load; their logs go to artifacts/bench/cluster-*/.
# fuzz and chaos run the same Release builds as processes: fuzz posts generated hostile input to a Dashboard, chaos kills
# the Dashboard and a silo and restarts PostgreSQL under load (BENCH_PG_RESTART is the command that restarts it).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
INFRA_TAG=bench
# shellcheck source=tests/infra/lib.sh
source tests/infra/lib.sh

known=(grain-calls state-writes domain live cluster fuzz chaos)
project=tests/Bench/Bench.csproj
# Equal to the number of concurrent writers in the state-writes benchmark, so the two numbers compare.
pgbench_clients=16
pgbench_threads=2
pgbench_seconds=10

# Prints pgbench's simple-update figures on the benchmark's server and sets pgbench_tps.
run_pgbench() {
    infra_log "running pgbench simple-update: $pgbench_clients clients, $pgbench_threads threads, ${pgbench_seconds}s"
    local pg=(-h 127.0.0.1 -p "$INFRA_PG_PORT" -U postgres) log=$INFRA_PG_DIR/pgbench.log latency
    # Its own database, so the baseline neither sees nor leaves the benchmark's tables.
    if ! "$INFRA_PG_BIN/createdb" "${pg[@]}" pgbench_baseline >"$log" 2>&1 ||
        ! "$INFRA_PG_BIN/pgbench" "${pg[@]}" -i -q pgbench_baseline >>"$log" 2>&1 ||
        ! "$INFRA_PG_BIN/pgbench" "${pg[@]}" -b simple-update -c "$pgbench_clients" -j "$pgbench_threads" \
            -T "$pgbench_seconds" pgbench_baseline >"$log.run" 2>>"$log"; then
        cat "$log" "$log.run" 2>/dev/null >&2 || true
        infra_die "pgbench failed"
    fi
    pgbench_tps=$(awk '/^tps = / { print $3; exit }' "$log.run")
    latency=$(awk '/^latency average = / { print $4; exit }' "$log.run")
    [[ -n $pgbench_tps ]] || { cat "$log.run" >&2; infra_die "pgbench printed no tps"; }
    echo "pgbench_clients: $pgbench_clients clients"
    [[ -z $latency ]] || echo "pgbench_latency_avg: $latency ms"
    echo "pgbench_tps: $pgbench_tps tps"
}

# The cluster benchmark stops its silo and Dashboard processes itself, also when it fails or is interrupted; if it is
# killed outright, this sweeps up the ones still running, by the ids it wrote to BENCH_CLUSTER_PIDS (and only while
# the id is still a Silo.dll or Dashboard.dll process: ids are reused).
stop_cluster_leftovers() {
    local pid
    [[ -n ${BENCH_CLUSTER_PIDS:-} && -f $BENCH_CLUSTER_PIDS ]] || return 0
    while read -r pid; do
        if [[ $pid =~ ^[0-9]+$ ]] && grep -qaE '(Silo|Dashboard)\.dll' "/proc/$pid/cmdline" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null && infra_log "killed leftover cluster process $pid"
        fi
    done <"$BENCH_CLUSTER_PIDS"
    rm -f -- "$BENCH_CLUSTER_PIDS"
}

bench_cleanup() {
    local status=$?
    # Nothing here may end the script early (set -e): infra_cleanup must still stop PostgreSQL.
    set +e
    stop_cluster_leftovers
    # infra_cleanup takes the exit status from $?.
    (exit "$status")
    infra_cleanup
}

name=${1:-}
if [[ -z $name || " ${known[*]} " != *" $name "* ]]; then
    [[ -z $name ]] || echo "unknown benchmark: $name" >&2
    echo "usage: bash tests/bench.sh NAME" >&2
    echo "known benchmarks: ${known[*]}" >&2
    exit 2
fi
[[ -f $project ]] || infra_die "$project does not exist yet: the C# benchmarks have not been written"

infra_install_traps
trap bench_cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

infra_ensure_packages postgresql
# The live benchmark opens walls in Debian's Chromium (never a downloaded browser).
[[ $name != live ]] || infra_ensure_packages chromium fonts-noto-cjk
infra_pg_start
BENCH_POSTGRES_CONNECTION=$(infra_pg_connection)
export BENCH_POSTGRES_CONNECTION

run_options=()
if [[ $name == cluster || $name == fuzz || $name == chaos ]]; then
    # The benchmark starts Silo/bin/Release/net10.0/Silo.dll and Dashboard/bin/Release/net10.0/Dashboard.dll; Bench
    # references both, so one build makes all three.
    infra_log "building Silo, Dashboard and Bench (Release)"
    build_log=$INFRA_PG_DIR/build.log
    dotnet build -c Release "$project" >"$build_log" 2>&1 || { tail -n 40 "$build_log" >&2; infra_die "the Release build failed"; }
    run_options=(--no-build)
    BENCH_CLUSTER_PIDS=$(mktemp /tmp/commandcentre-cluster-pids.XXXXXX)
    export BENCH_CLUSTER_PIDS
fi
if [[ $name == chaos ]]; then
    # A fast restart of the benchmark's own server (connections are cut, committed data stays).
    # pg_ctl restart reuses the start's options (port, socket directory) from postmaster.opts.
    restart=("$INFRA_PG_BIN/pg_ctl" -D "$INFRA_PG_DIR/data" -l "$INFRA_PG_DIR/server.log" -m fast -w -t 60 restart)
    ((EUID != 0)) || restart=(runuser -u postgres -- "${restart[@]}")
    BENCH_PG_RESTART="$(printf '%q ' "${restart[@]}")"
    export BENCH_PG_RESTART
fi

infra_log "running benchmark $name (dotnet run -c Release --project $project -- $name)"
output=$INFRA_PG_DIR/bench.out
dotnet run -c Release "${run_options[@]}" --project "$project" -- "$name" | tee "$output"

case $name in
    state-writes) run_pgbench ;;
    domain)
        run_pgbench
        transitions=$(awk '/^appeal_transitions_postgres: / { print $2; exit }' "$output")
        if [[ -n $transitions ]]; then
            awk -v a="$transitions" -v b="$pgbench_tps" 'BEGIN { printf "appeal_transitions_vs_pgbench: %.4f x\n", a / b }'
        fi
        ;;
esac

infra_pg_stop
