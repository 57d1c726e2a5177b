# A private PostgreSQL cluster in a project folder, for when DATABASE_URL is
# unset. Started with pg_ctl, stopped cleanly (fast shutdown) by pg_stop.

PG_DIR=""
PG_PORT=""

pg_run() {
  # initdb and postgres refuse to run as root: use the postgres account then
  # (from /, which it can always enter).
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# pg_start DIR PORT: starts (creating if needed) a cluster and exports
# PG_ADMIN_URL for the `postgres` superuser.
pg_start() {
  PG_DIR=$1 PG_PORT=$2
  local bin
  bin=$(postgres_bin)
  if port_busy "$PG_PORT"; then
    die "port $PG_PORT is already in use: set TORVAN_PG_PORT to a free port (or DATABASE_URL to an existing server)"
  fi
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_DIR"
    # The postgres account cannot reach a project under a private home
    # folder (e.g. /root): keep the cluster in a stable folder it can reach.
    if ! runuser -u postgres -- test -w "$PG_DIR"; then
      PG_DIR="/var/tmp/torvan-pg-$(printf '%s' "$PG_DIR" | md5sum | cut -c1-12)"
      say "the postgres account cannot reach the project folder; using $PG_DIR"
      mkdir -p "$PG_DIR" && chown postgres:postgres "$PG_DIR"
    fi
  fi
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    say "creating a private PostgreSQL cluster in $PG_DIR"
    pg_run "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  pg_run "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || die "PostgreSQL did not start; see $PG_DIR/server.log"
  export PG_ADMIN_URL="postgres://postgres@127.0.0.1:$PG_PORT"
}

pg_stop() {
  [ -n "$PG_DIR" ] || return 0
  say "stopping PostgreSQL"
  pg_run "$(postgres_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  PG_DIR=""
}

# pg_create_db NAME: (re)creates an empty database on the private cluster.
pg_recreate_db() {
  local bin
  bin=$(postgres_bin)
  "$bin/dropdb" --if-exists -h 127.0.0.1 -p "$PG_PORT" -U postgres "$1"
  "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$1"
}

pg_ensure_db() {
  local bin
  bin=$(postgres_bin)
  "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$1"
}
