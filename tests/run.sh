#!/usr/bin/env bash
# Runs the test projects against a throwaway PostgreSQL 15 on loopback (and SQLite files in /tmp).
# Usage: tests/run.sh [dotnet test arguments...]   e.g. tests/run.sh tests/Silo.Tests/Silo.Tests.csproj
# If TEST_POSTGRES_CONNECTION is already set, that server is used and none is started.
# TEST_POSTGRES_PORT chooses the port of the throwaway server (default 54329).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${TEST_POSTGRES_CONNECTION:-}" ]]; then
  PG_BIN=/usr/lib/postgresql/15/bin
  PORT="${TEST_POSTGRES_PORT:-54329}"
  [[ -x "$PG_BIN/initdb" ]] || { echo "PostgreSQL 15 is not installed: apt-get install postgresql" >&2; exit 1; }
  PG_DIR="$(mktemp -d)"
  run_pg() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  # initdb refuses to run as root, so the cluster belongs to the postgres user.
  [[ "$(id -u)" == 0 ]] && chown postgres "$PG_DIR"
  stop_pg() { run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null || true; rm -rf "$PG_DIR"; }
  trap stop_pg EXIT
  run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1" -l "$PG_DIR/log" -w start >/dev/null
  export TEST_POSTGRES_CONNECTION="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
fi

if [[ $# -eq 0 ]]; then
  for project in tests/*/*.csproj; do
    dotnet test "$project"
  done
else
  dotnet test "$@"
fi
