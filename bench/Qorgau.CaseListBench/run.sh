#!/usr/bin/env bash
# The case list benchmark (docs/benchmarks-cases.md) on a throwaway PostgreSQL cluster: installs
# PostgreSQL from Debian's packages if it is missing, starts a cluster of its own (temp directory,
# free loopback port, owned by the postgres user when run as root, as scripts/test.sh does), generates
# the cases, times both sides, and removes the cluster on every exit. Arguments go to the program
# (--cases N, --iterations N, --warmup N, --target R, --out DIR; --help).
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
  work=$(mktemp -d /tmp/qorgau-caselist.XXXXXX)
  chmod 755 "$work"
  # Defaults, except: enough shared_buffers to hold the table and its indexes (≈ 1 GB), and the
  # durability settings off so that the load is quick (the timed part only reads).
  start_postgres "$work/pg" shared_buffers=2GB max_wal_size=8GB fsync=off synchronous_commit=off full_page_writes=off || exit 2
  export QORGAU_BENCH_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=qorgau_caselist_bench"
  echo "== throwaway cluster in $work"
fi

dotnet build bench/Qorgau.CaseListBench -c Release -nologo -v quiet
dotnet run -c Release --no-build --project bench/Qorgau.CaseListBench -- "$@"
