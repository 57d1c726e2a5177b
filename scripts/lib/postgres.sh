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

# pg_ensure_roles: the two login roles of the private cluster (README,
# security). torvan_owner owns the databases and applies the migrations;
# torvan_app, a member of torvan_runtime (which owns nothing), serves.
# Trust authentication: no passwords on a cluster only this checkout reaches.
pg_ensure_roles() {
  "$(postgres_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'torvan_runtime') THEN
        CREATE ROLE torvan_runtime NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'torvan_owner') THEN
        CREATE ROLE torvan_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'torvan_app') THEN
        CREATE ROLE torvan_app LOGIN IN ROLE torvan_runtime;
    END IF;
END;
$$;
SQL
}

# pg_role_url ROLE DB: the URL of DB on the private cluster as ROLE.
pg_role_url() {
  echo "postgres://$1@127.0.0.1:$PG_PORT/$2"
}

# pg_recreate_db NAME [OWNER]: (re)creates an empty database on the private
# cluster, owned by OWNER (default: postgres).
pg_recreate_db() {
  local bin
  bin=$(postgres_bin)
  "$bin/dropdb" --if-exists -h 127.0.0.1 -p "$PG_PORT" -U postgres "$1"
  "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres -O "${2:-postgres}" "$1"
}

# pg_ensure_db NAME [OWNER]: creates the database unless it exists with that
# owner. One made before the two roles (owned by postgres) holds only the
# demo data set, which the caller reloads: it is made anew.
pg_ensure_db() {
  local bin owner=${2:-postgres} current
  bin=$(postgres_bin)
  current=$("$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$1'")
  if [ "$current" = "$owner" ]; then
    return 0
  fi
  [ -z "$current" ] || say "the database $1 belongs to $current, not $owner: making it anew"
  pg_recreate_db "$1" "$owner"
}
