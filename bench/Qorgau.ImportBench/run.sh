#!/usr/bin/env bash
# The historical import benchmark (docs/benchmarks-import.md) on a throwaway PostgreSQL cluster: installs
# PostgreSQL from Debian's packages if it is missing, starts a cluster of its own (temp directory,
# free loopback port, owned by the postgres user when run as root, as scripts/test.sh does), imports
# the generated files on SQLite and on PostgreSQL (each run makes and drops its own database), and
# removes the cluster on every exit. Arguments go to the program (--rows 25000,50000,100000,200000,
# --providers sqlite,postgres; --help).
# With QORGAU_BENCH_PG already set, it uses that server instead and starts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=""
pg_bin=""
pg_data=""

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_db_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

cleanup() {
  if [ -n "$pg_bin" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_db_owner "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
  fi
  [ -n "$work" ] && rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${QORGAU_BENCH_PG:-}" ]; then
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "== installing PostgreSQL from Debian's packages"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bin)
  fi

  work=$(mktemp -d /tmp/qorgau-importbench.XXXXXX)
  chmod 755 "$work"
  pg_data="$work/pg"
  mkdir -p "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_data"
  as_db_owner "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || {
    cat "$work/initdb.log"; exit 2; }
  pg_port=$(free_port)
  # Defaults, except larger WAL segments between checkpoints. Durability stays on: the import's commit is timed.
  as_db_owner "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 start \
    -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_wal_size=4GB" \
    >/dev/null || { cat "$pg_data/server.log"; exit 2; }
  export QORGAU_BENCH_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres"
  echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (throwaway cluster in $work)"
fi

dotnet build bench/Qorgau.ImportBench -c Release -nologo -v quiet
dotnet run -c Release --no-build --project bench/Qorgau.ImportBench -- "$@"
