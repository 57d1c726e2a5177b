// usage: node wasm-opt-all.mjs BINARYEN_DIR FILE.wasm... — wasm-opt -Oz on every file in one process.
// The split build makes hundreds of chunks; the wasm-opt command starts binaryen anew for each
// (about half a second), this loads it once. Same as `wasm-opt -Oz --enable-bulk-memory
// --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
// --enable-reference-types` (binaryen's default passes at -Oz; names stripped).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [binaryenDir, ...files] = process.argv.slice(2);
const binaryen = (await import(createRequire(import.meta.url).resolve('binaryen', { paths: [binaryenDir] }))).default;
const F = binaryen.Features;
const features = F.MVP | F.BulkMemory | (F.BulkMemoryOpt ?? 0) | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes;
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);
for (const file of files) {
  const module = binaryen.readBinary(readFileSync(file));
  module.setFeatures(features);
  module.optimize();
  writeFileSync(file, module.emitBinary());
  module.dispose();
}
