#!/usr/bin/env bash
# Runs the whole test suite: unit tests, integration tests on SQLite and on PostgreSQL, and browser
# tests. Installs what is missing (PostgreSQL and Chromium from Debian's packages), starts a
# throwaway PostgreSQL cluster of its own (temp directory, free port, non-root), and removes it after.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
# Dozens of in-process app hosts live at once in the integration tests; with file watching each takes an
# inotify instance (appsettings reload, static files), and Linux's default limit is 128 per user. The hosts
# need no reload: configuration is read once and files are watched by polling.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true

work=$(mktemp -d /tmp/qorgau-test.XXXXXX)
chmod 755 "$work"
passed=0; failed=0; skipped=0; broken=0

log() { printf '\n== %s\n' "$*"; }

# shellcheck source=throwaway-postgres.sh
source scripts/throwaway-postgres.sh

ensure_chromium() {
  command -v chromium >/dev/null || apt_install chromium || return 1
}

cleanup() {
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# Runs one test project and adds its totals; a run that ends without a summary counts as broken.
# Arguments after the project: VAR=value settings, then optionally -- and arguments for dotnet test.
run_tests() {
  local name=$1 project=$2; shift 2
  local out="$work/$name.log" settings=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do settings+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  log "$name"
  env "${settings[@]}" dotnet test --project "$project" --no-build -c Release "$@" 2>&1 | tee "$out" | grep -E '^\s*(failed|total:|failed:|succeeded:|skipped:)|error' || true
  local total f s k
  total=$(awk '/^[[:space:]]*total:/ {print $2}' "$out" | tail -n 1)
  f=$(awk '/^[[:space:]]*failed:/ {print $2}' "$out" | tail -n 1)
  s=$(awk '/^[[:space:]]*succeeded:/ {print $2}' "$out" | tail -n 1)
  k=$(awk '/^[[:space:]]*skipped:/ {print $2}' "$out" | tail -n 1)
  if [ -z "$total" ] || [ "$total" -eq 0 ]; then
    echo "$name: the run ended without a summary or ran no test (see the output above)"; tail -n 40 "$out"; broken=$((broken + 1)); failed=$((failed + 1)); return
  fi
  passed=$((passed + s)); failed=$((failed + f)); skipped=$((skipped + k))
  if [ "${f:-0}" -gt 0 ]; then
    echo "-- what the failed tests said:"
    awk '/^failed /{n=25} n>0 && !/^[[:space:]]+at /{print; n--}' "$out" | head -n 200
  fi
}

log "build"
dotnet build Qorgau.slnx -c Release -nologo -v quiet 2>&1 | tail -n 5
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "0 passed, 1 failed"; exit 1; fi

run_tests "unit tests" tests/Qorgau.UnitTests
# Tests of several app nodes need PostgreSQL (SQLite serves one node): they run in the PostgreSQL run only.
run_tests "integration tests on SQLite" tests/Qorgau.IntegrationTests QORGAU_TEST_PROVIDER=Sqlite -- --filter-not-trait "Database=PostgreSQL"

log "PostgreSQL"
if ensure_postgres && start_postgres "$work/pg" fsync=off synchronous_commit=off full_page_writes=off max_connections=200; then
  export QORGAU_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Include Error Detail=false"
  run_tests "integration tests on PostgreSQL" tests/Qorgau.IntegrationTests QORGAU_TEST_PROVIDER=Postgres QORGAU_PG_BIN="$pg_bin"
else
  echo "could not install or start PostgreSQL: the PostgreSQL run counts as failed"
  failed=$((failed + 1))
fi

if [ -d tests/Qorgau.BrowserTests ]; then
  log "Chromium"
  if ensure_chromium; then
    run_tests "browser tests" tests/Qorgau.BrowserTests QORGAU_CHROMIUM=/usr/bin/chromium
  else
    echo "could not install Chromium: the browser run counts as failed"
    failed=$((failed + 1))
  fi
fi

echo
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
