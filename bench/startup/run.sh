#!/usr/bin/env bash
# Cold start to the first answer, and idle memory, of the app as published two ways in the same run:
# framework-dependent IL (the baseline) and ReadyToRun (precompiled). Runs alternate between the two,
# so the machine's noise falls on both; the report gives medians and the ratio to the baseline.
#
#   bench/startup/run.sh            # 10 starts of each
#   RUNS=20 bench/startup/run.sh
#
# Each start: a fresh process on an existing SQLite data directory with the demo data (prepared once,
# outside the timing); the clock runs from the process's launch to the first 200 from /healthz and to
# the first 200 from the home page; memory is the resident set (VmRSS) 10 s later, idle.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${RUNS:-10}"
port="${PORT:-5187}"
work="$(mktemp -d /tmp/qorgau-startup.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Demo

# A copy of the sources, so that the RID-specific restore of ReadyToRun touches nothing in the repository.
(cd "$root" && git ls-files -z -co --exclude-standard src profiles samples Directory.Build.props Directory.Packages.props global.json .editorconfig | tar --null -cf - -T -) | tar -xf - -C "$work"
mkdir -p "$work/out"
echo "publishing (IL, then ReadyToRun)..." >&2
dotnet publish "$work/src/Qorgau.Web" -c Release -o "$work/out/il" -p:RestoreLockedMode=false -nologo -v quiet >&2
dotnet publish "$work/src/Qorgau.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/out/r2r" -p:RestoreLockedMode=false -nologo -v quiet >&2

data="$work/data"
mkdir -p "$data"
export Storage__DataDirectory="$data"
(cd "$work" && dotnet "$work/out/il/qorgau.dll" demo --cases 50 >/dev/null)

now_ms() { date +%s%3N; }

# One start: prints "health_ms home_ms rss_kib".
start_once() {
  local dir="$1" launched pid health="" home="" rss
  launched=$(now_ms)
  dotnet "$dir/qorgau.dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if [ -z "$health" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then
      health=$(( $(now_ms) - launched ))
      curl -fs -o /dev/null -H 'Accept-Language: en' "http://127.0.0.1:$port/"
      home=$(( $(now_ms) - launched ))
      break
    fi
    sleep 0.02
  done
  sleep 10
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "${health:-NaN} ${home:-NaN} $rss"
}

: > "$work/il.txt"; : > "$work/r2r.txt"
for i in $(seq 1 "$runs"); do
  start_once "$work/out/il" >> "$work/il.txt"
  start_once "$work/out/r2r" >> "$work/r2r.txt"
  echo "run $i of $runs" >&2
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
col() { awk -v c="$2" '{print $c}' "$1" | median; }
il_h=$(col "$work/il.txt" 1); il_p=$(col "$work/il.txt" 2); il_m=$(col "$work/il.txt" 3)
r_h=$(col "$work/r2r.txt" 1); r_p=$(col "$work/r2r.txt" 2); r_m=$(col "$work/r2r.txt" 3)
echo
echo "| median of $runs starts | IL (baseline) | ReadyToRun | ratio |"
echo "|---|---|---|---|"
awk -v a="$il_h" -v b="$r_h" 'BEGIN {printf "| launch to first /healthz 200 | %d ms | %d ms | %.2f |\n", a, b, b / a}'
awk -v a="$il_p" -v b="$r_p" 'BEGIN {printf "| launch to first home page 200 | %d ms | %d ms | %.2f |\n", a, b, b / a}'
awk -v a="$il_m" -v b="$r_m" 'BEGIN {printf "| resident memory 10 s later, idle | %.0f MB | %.0f MB | %.2f |\n", a / 1024, b / 1024, b / a}'
echo
echo "IL package: $(du -sm "$work/out/il" | cut -f1) MB; ReadyToRun package: $(du -sm "$work/out/r2r" | cut -f1) MB"
