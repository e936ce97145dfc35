// Builds the server for `npm start`: esbuild bundles server/main.ts and every project module it
// imports into one ES module, build/main.js, with its source map (build/main.js.map), so that
// start-up loads one plain JavaScript file instead of compiling about 140 TypeScript
// files through tsx's loader. Packages stay outside the bundle (imported from node_modules as
// usual); views/, public/, locales/ and content/ are read from the project folder at run time
// (server/root.ts). Type checking is `tsc`'s job (npm test), not this build's.
//
// Usage: node scripts/build-server.mjs [--outdir DIR]   (DIR inside the project; default build/)
//
// Plain JavaScript, run by node itself: the build adds no tsx start to `npm start`. Each output
// file is written beside its target and renamed over it, so a server starting meanwhile (two
// `npm start`s at once, the tests) reads the old file or the new one, never half of one.
import * as esbuild from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'build' } } });
const outdir = path.resolve(root, values.outdir);
if (path.relative(root, outdir).startsWith('..')) {
  // The bundle finds the project by walking up from its own folder to package.json (server/root.ts).
  console.error(`build-server: --outdir must be inside ${root}, not ${outdir}`);
  process.exit(2);
}

const started = performance.now();
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['server/main.ts'],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The Node.js running the build is the one that runs the bundle: nothing to lower.
  target: `node${process.versions.node}`,
  // Dependencies are imported from node_modules at run time, as from source.
  packages: 'external',
  // Stack traces name the TypeScript files and lines (`node --enable-source-maps`); the sources
  // themselves stay in server/, so the map does not carry a copy of them.
  sourcemap: 'linked',
  sourcesContent: false,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  write: false,
});

mkdirSync(outdir, { recursive: true });
for (const file of result.outputFiles) {
  const temp = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${process.pid}.tmp`);
  writeFileSync(temp, file.contents);
  renameSync(temp, file.path);
}
const ms = Math.round(performance.now() - started);
console.error(`build-server: ${path.relative(root, path.join(outdir, 'main.js'))} built in ${ms} ms`);
