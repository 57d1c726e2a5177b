# Builds the site: the browser bundle into $SITE_DIR/pkg (size-optimised
# `wasm-release` profile, split by route, wasm-bindgen, wasm-opt, pre-compressed), the CSS and
# the public assets, then the server binary with the given cargo profile.

# build_site PROFILE (dev|release)
build_site() {
  local profile=$1 wasm main pkg="$SITE_DIR/pkg"
  say "building the browser bundle (wasm-release)"
  cargo build -p torvan-frontend --lib --target wasm32-unknown-unknown --profile wasm-release
  wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/torvan_frontend.wasm"
  main="${wasm%.wasm}_split.wasm"

  rm -rf "$SITE_DIR" && mkdir -p "$pkg"
  # Cuts every `#[lazy_route]` page out into its own chunk (what `cargo leptos
  # --split` does): the main module for wasm-bindgen, the chunks, their loader
  # and the manifest the server reads to preload a page's chunks, into pkg/.
  "$TOOLS_DIR/bin/torvan-wasm-split" "$wasm" "$main" "$pkg" torvan >/dev/null
  wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
    --out-dir "$pkg" --out-name torvan "$main"
  # wasm-opt -Oz on the main module and every chunk, binaryen loaded once
  # (hundreds of chunks; the wasm-opt command would start it for each).
  node "$ROOT/scripts/lib/wasm-opt-all.mjs" "$TOOLS_DIR" "$pkg"/*.wasm \
    2> >(grep -v 'unknown name subsection' >&2)
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
