#!/usr/bin/env bash
# The mixed load and the node comparison (docs/benchmarks-load.md) on a throwaway PostgreSQL cluster:
# installs PostgreSQL from Debian's packages if it is missing, starts a cluster of its own (temp
# directory, free loopback port, owned by the postgres user when run as root), builds the app and the
# load test, runs it, and removes the cluster on every exit. Arguments go to the program
# (--mode mixed|nodes, --duration S, --warmup S, --cases N, ...; --help).
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
  work=$(mktemp -d /tmp/qorgau-load.XXXXXX)
  chmod 755 "$work"
  # Defaults (durability on: filings commit as in production), except room for two nodes' connection
  # pools and a little more cache than the packaged 128 MB.
  start_postgres "$work/pg" max_connections=300 shared_buffers=512MB || exit 2
  export QORGAU_BENCH_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres"
  echo "== throwaway cluster in $work"
fi

echo "== uptime before: $(uptime)"
# QORGAU_BENCH_NO_BUILD=1 skips the builds (both already built, e.g. for a second run in parallel).
if [ -z "${QORGAU_BENCH_NO_BUILD:-}" ]; then
  dotnet build src/Qorgau.Web -c Release -nologo -v quiet
  dotnet build bench/Qorgau.LoadTest -c Release -nologo -v quiet
fi
status=0
dotnet run -c Release --no-build --project bench/Qorgau.LoadTest -- "$@" || status=$?
echo "== uptime after: $(uptime)"
exit "$status"
