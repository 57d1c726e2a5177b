# Shared by scripts/run and scripts/test: paths, logging, tool installs.
# Each install step runs only when the tool is missing, so repeat runs are quick.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE_DIR=${TORVAN_STATE_DIR:-$ROOT/.torvan}
TOOLS_DIR=${TORVAN_TOOLS_DIR:-$HOME/.cache/torvan-tools}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
SITE_DIR=$CARGO_TARGET_DIR/site
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "installing $* with apt-get"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_build_tools() {
  command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs)"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # wasm-bindgen-cli must match the wasm-bindgen crate pinned in Cargo.toml exactly.
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  # Debian's binaryen (108) corrupts release WASM; npm's build is current.
  if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
    command -v npm >/dev/null || apt_install nodejs npm
    say "installing binaryen $BINARYEN_VERSION (wasm-opt) into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION"
  fi
  command -v brotli >/dev/null || apt_install brotli
  # The wasm-split step of the browser build (tools/wasm-split, about 1 minute;
  # delete $TOOLS_DIR/bin/torvan-wasm-split after changing it).
  if [ ! -x "$TOOLS_DIR/bin/torvan-wasm-split" ]; then
    say "installing torvan-wasm-split into $TOOLS_DIR"
    cargo install --locked --quiet --path "$ROOT/tools/wasm-split" --root "$TOOLS_DIR"
  fi
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

ensure_postgres() {
  [ -n "$(postgres_bin)" ] || apt_install postgresql
  [ -n "$(postgres_bin)" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
}

ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || apt_install chromium
}

ensure_e2e_packages() {
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ]; then
    say "installing the Playwright test packages (npm ci)"
    (cd "$ROOT/end2end" && npm ci --silent --no-audit --no-fund)
  fi
}

# True when something already listens on 127.0.0.1:PORT.
port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Waits until URL answers 200, or fails after SECONDS.
wait_for_url() {
  local url=$1 seconds=$2 pid=${3:-}
  for _ in $(seq "$((seconds * 4))"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      die "the server exited before $url answered"
    fi
    sleep 0.25
  done
  die "$url did not answer within ${seconds}s"
}
