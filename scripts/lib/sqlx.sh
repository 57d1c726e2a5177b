# Compile-checked SQL: every `sqlx::query!` is checked against the query
# data in `.sqlx/` (builds run with SQLX_OFFLINE=true, see .cargo/config.toml).
# These functions regenerate or check that data against a freshly migrated
# database, so it always matches the migrations in the tree.

SQLX_CLI_VERSION=0.8.6

ensure_sqlx_cli() {
  if ! cargo sqlx --version 2>/dev/null | grep -q " $SQLX_CLI_VERSION"; then
    say "installing sqlx-cli $SQLX_CLI_VERSION (about 2 minutes)"
    cargo install sqlx-cli --version "$SQLX_CLI_VERSION" --locked --no-default-features \
      --features postgres,rustls
  fi
}

# sqlx_prepare ADMIN_URL [--check]: migrates a scratch database `torvan_sqlx`
# on the server at ADMIN_URL, then writes (or with --check, compares) `.sqlx/`.
# The statements live in torvan-app (feature ssr) and torvan-server; checking
# the server with its tests compiles both.
sqlx_prepare() {
  local admin_url=$1 check=${2:-}
  local url="$admin_url/torvan_sqlx"
  DATABASE_URL=$url cargo sqlx database drop -y >/dev/null
  DATABASE_URL=$url cargo sqlx database create
  DATABASE_URL=$url cargo sqlx migrate run --source "$ROOT/migrations" >/dev/null
  (cd "$ROOT" && DATABASE_URL=$url cargo sqlx prepare --workspace $check -- -p torvan-server --all-targets)
}
