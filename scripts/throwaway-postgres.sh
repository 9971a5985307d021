# shellcheck shell=bash
# Sourced by scripts/test.sh and the benchmarks' run.sh: a PostgreSQL cluster of our own, from
# Debian's packages (installed when missing), in a directory we remove, on a free loopback port.
# initdb and pg_ctl refuse to run as root, so as root the cluster belongs to the postgres user.
#
#   ensure_postgres                 finds (or installs) the server; sets pg_bin
#   start_postgres DIR [OPTION...]  initdb in DIR and starts it with "-c OPTION"s; sets pg_data, pg_port
#   stop_postgres                   stops it (safe to call when nothing was started)

pg_bin=""
pg_data=""
pg_port=""

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

apt_install() {
  printf '\n== installing %s from Debian'"'"'s packages\n' "$*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
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

ensure_postgres() {
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    apt_install postgresql || return 1
    pg_bin=$(find_pg_bin)
  fi
  [ -x "$pg_bin/initdb" ]
}

start_postgres() {
  local dir=$1 options="" option
  shift
  for option in "$@"; do options="$options -c $option"; done
  pg_data="$dir"
  mkdir -p "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_data"
  as_db_owner "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_data.initdb.log" 2>&1 || {
    cat "$pg_data.initdb.log"; return 1; }
  pg_port=$(free_port) || return 1
  as_db_owner "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 start \
    -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1$options" \
    >/dev/null || { cat "$pg_data/server.log"; return 1; }
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

stop_postgres() {
  if [ -n "$pg_bin" ] && [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_db_owner "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
  fi
}
