# Builds the site: the browser bundle into $SITE_DIR/pkg (size-optimised
# `wasm-release` profile, wasm-bindgen, wasm-opt, pre-compressed), the CSS and
# the public assets, then the server binary with the given cargo profile.

# build_site PROFILE (dev|release)
build_site() {
  local profile=$1 wasm pkg="$SITE_DIR/pkg"
  say "building the browser bundle (wasm-release)"
  cargo build -p torvan-frontend --lib --target wasm32-unknown-unknown --profile wasm-release
  wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/torvan_frontend.wasm"

  rm -rf "$SITE_DIR" && mkdir -p "$pkg"
  wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name torvan "$wasm"
  "$TOOLS_DIR/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    -o "$pkg/torvan_bg.wasm" "$pkg/torvan_bg.wasm"
  cp "$ROOT/style/main.css" "$pkg/torvan.css"
  cp -R "$ROOT/public/." "$SITE_DIR/"
  for file in "$pkg"/*.wasm "$pkg"/*.js "$pkg"/*.css; do
    brotli -f -q 11 -k "$file"
    gzip -f -9 -k "$file"
  done

  say "building the server ($profile)"
  cargo build -p torvan-server --bin torvan --profile "$profile"
}

server_binary() {
  case $1 in
    dev) echo "$CARGO_TARGET_DIR/debug/torvan" ;;
    *) echo "$CARGO_TARGET_DIR/$1/torvan" ;;
  esac
}
