#!/usr/bin/env bash
# Runs the whole test suite: unit tests, integration tests on SQLite and on PostgreSQL, and browser
# tests. Installs what is missing (PostgreSQL and Chromium from Debian's packages), starts a
# throwaway PostgreSQL cluster of its own (temp directory, free port, non-root), and removes it after.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/qorgau-test.XXXXXX)
chmod 755 "$work"
pg_bin=""
pg_data="$work/pg"
passed=0; failed=0; skipped=0; broken=0

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

apt_install() {
  log "installing $* from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

ensure_postgres() {
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    apt_install postgresql || return 1
    pg_bin=$(find_pg_bin)
  fi
  [ -x "$pg_bin/initdb" ]
}

ensure_chromium() {
  command -v chromium >/dev/null || apt_install chromium || return 1
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# initdb and pg_ctl refuse to run as root, so the cluster belongs to the postgres user when we are root.
as_db_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  mkdir -p "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_data"
  as_db_owner "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || {
    cat "$work/initdb.log"; return 1; }
  pg_port=$(free_port) || return 1
  as_db_owner "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 start \
    -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$pg_data/server.log"; return 1; }
  export QORGAU_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Include Error Detail=false"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

cleanup() {
  if [ -n "$pg_bin" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_db_owner "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Runs one test project and adds its totals; a run that ends without a summary counts as broken.
run_tests() {
  local name=$1 project=$2; shift 2
  local out="$work/$name.log"
  log "$name"
  env "$@" dotnet test --project "$project" --no-build -c Release 2>&1 | tee "$out" | grep -E '^\s*(failed|total:|failed:|succeeded:|skipped:)|error' || true
  local total f s k
  total=$(awk '/^[[:space:]]*total:/ {print $2}' "$out" | tail -n 1)
  f=$(awk '/^[[:space:]]*failed:/ {print $2}' "$out" | tail -n 1)
  s=$(awk '/^[[:space:]]*succeeded:/ {print $2}' "$out" | tail -n 1)
  k=$(awk '/^[[:space:]]*skipped:/ {print $2}' "$out" | tail -n 1)
  if [ -z "$total" ] || [ "$total" -eq 0 ]; then
    echo "$name: the run ended without a summary or ran no test (see the output above)"; tail -n 40 "$out"; broken=$((broken + 1)); failed=$((failed + 1)); return
  fi
  passed=$((passed + s)); failed=$((failed + f)); skipped=$((skipped + k))
}

log "build"
dotnet build Qorgau.slnx -c Release -nologo -v quiet 2>&1 | tail -n 5
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "0 passed, 1 failed"; exit 1; fi

run_tests "unit tests" tests/Qorgau.UnitTests
run_tests "integration tests on SQLite" tests/Qorgau.IntegrationTests QORGAU_TEST_PROVIDER=Sqlite

log "PostgreSQL"
if ensure_postgres && start_postgres; then
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
