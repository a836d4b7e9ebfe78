#!/usr/bin/env bash
# Runs one benchmark of tests/Bench against a throwaway PostgreSQL 15 on 127.0.0.1:
#   bash tests/bench.sh grain-calls|state-writes|domain|live
# Metric lines have the form "metric: value unit". For state-writes and domain, pgbench's simple-update script
# runs on the same server afterwards, as the baseline of what this PostgreSQL does on this machine; domain also
# prints its appeal transitions per second as a share of it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
INFRA_TAG=bench
# shellcheck source=tests/infra/lib.sh
source tests/infra/lib.sh

known=(grain-calls state-writes domain live)
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

name=${1:-}
if [[ -z $name || " ${known[*]} " != *" $name "* ]]; then
    [[ -z $name ]] || echo "unknown benchmark: $name" >&2
    echo "usage: bash tests/bench.sh NAME" >&2
    echo "known benchmarks: ${known[*]}" >&2
    exit 2
fi
[[ -f $project ]] || infra_die "$project does not exist yet: the C# benchmarks have not been written"

infra_install_traps
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

infra_ensure_packages postgresql
# The live benchmark opens walls in Debian's Chromium (never a downloaded browser).
[[ $name != live ]] || infra_ensure_packages chromium fonts-noto-cjk
infra_pg_start
BENCH_POSTGRES_CONNECTION=$(infra_pg_connection)
export BENCH_POSTGRES_CONNECTION

infra_log "running benchmark $name (dotnet run -c Release --project $project -- $name)"
output=$INFRA_PG_DIR/bench.out
dotnet run -c Release --project "$project" -- "$name" | tee "$output"

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
