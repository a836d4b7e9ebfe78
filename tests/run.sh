#!/usr/bin/env bash
# The test command: installs what a fresh Debian 12 machine lacks (PostgreSQL 15, Chromium, CJK fonts),
# starts a throwaway PostgreSQL on 127.0.0.1, builds the solution once, runs every test project and ends
# with one line "N passed, N failed". Exits non-zero when the build fails, a test fails or no test ran.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
INFRA_TAG=tests
# shellcheck source=tests/infra/lib.sh
source tests/infra/lib.sh
infra_install_traps

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
solution=CommandCentre.slnx
results=artifacts/test-results

infra_ensure_packages postgresql chromium fonts-noto-cjk
export CHROMIUM_PATH=/usr/bin/chromium
[[ -x $CHROMIUM_PATH ]] || infra_die "package chromium is installed but $CHROMIUM_PATH is missing"

infra_log "building $solution (Release)"
if ! dotnet build "$solution" -c Release -nologo; then
    infra_die "BUILD FAILED: see the errors above; no test was run"
fi

# Test projects are the solution's projects that reference the test SDK.
test_projects=()
while IFS= read -r project; do
    if [[ -f $project ]] && grep -qE 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>[[:space:]]*true' "$project"; then
        test_projects+=("$project")
    fi
done < <(grep -o 'Path="[^"]*\.csproj"' "$solution" | sed -e 's/^Path="//' -e 's/"$//' -e 's|\\|/|g')
((${#test_projects[@]} > 0)) || infra_die "no test project found in $solution"

infra_pg_start
TEST_POSTGRES_CONNECTION=$(infra_pg_connection)
export TEST_POSTGRES_CONNECTION

rm -rf -- "$results"
mkdir -p "$results"
aborted=()
index=0
for project in "${test_projects[@]}"; do
    index=$((index + 1))
    name=$(basename "$project" .csproj)
    infra_log "testing $name ($index/${#test_projects[@]})"
    # A hung test is killed after TEST_HANG_TIMEOUT (10 minutes) instead of eating CI's whole time budget.
    status=0
    dotnet test "$project" -c Release --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        --blame-hang-timeout "${TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none || status=$?
    if ((status != 0)); then
        # A failed test already counts; a crash or hang that left no failed result must count too.
        project_summary=""
        if [[ -f $results/$name.trx ]]; then
            project_summary=$(infra_trx_summary "$results/$name.trx")
        fi
        if [[ $project_summary != *FAIL$'\t'* ]]; then
            aborted+=("$name")
        fi
    fi
done

# Stopped here rather than by the exit trap so that the summary line stays the last line.
infra_pg_stop

passed=0 failed=0 skipped=0
failures=()
shopt -s nullglob
trx_files=("$results"/*.trx)
shopt -u nullglob
for trx in "${trx_files[@]}"; do
    while IFS= read -r line; do
        case $line in
            FAIL$'\t'*)
                IFS=$'\t' read -r _ test message <<<"$line"
                failures+=("  $test${message:+ -- $message}")
                ;;
            COUNT\ *)
                read -r _ p f s <<<"$line"
                passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
                ;;
        esac
    done < <(infra_trx_summary "$trx")
done
for name in "${aborted[@]}"; do
    failures+=("  $name -- test run aborted (crash or hang; see its output above)")
    failed=$((failed + 1))
done

infra_log "finished in ${SECONDS}s"
echo
echo "==== test summary (${#trx_files[@]} result files in $results) ===="
if ((${#failures[@]} > 0)); then
    echo "Failed:"
    printf '%s\n' "${failures[@]}"
fi
if ((passed + failed == 0)); then
    echo "ERROR: no test ran"
fi
summary="$passed passed, $failed failed"
if ((skipped > 0)); then
    summary+=", $skipped skipped"
fi
echo "$summary"
((failed == 0 && passed > 0))
