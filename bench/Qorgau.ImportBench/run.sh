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
# shellcheck source=../../scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh

cleanup() {
  stop_postgres
  [ -n "$work" ] && rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${QORGAU_BENCH_PG:-}" ]; then
  ensure_postgres || exit 2
  work=$(mktemp -d /tmp/qorgau-importbench.XXXXXX)
  chmod 755 "$work"
  # Defaults, except larger WAL segments between checkpoints. Durability stays on: the import's commit is timed.
  start_postgres "$work/pg" max_wal_size=4GB || exit 2
  export QORGAU_BENCH_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres"
  echo "== throwaway cluster in $work"
fi

dotnet build bench/Qorgau.ImportBench -c Release -nologo -v quiet
dotnet run -c Release --no-build --project bench/Qorgau.ImportBench -- "$@"
