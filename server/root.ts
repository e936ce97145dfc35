// The project's folder (the one holding package.json), where the server finds views/, public/,
// locales/, content/ and node_modules/@fontsource. Found by walking up from this file, so it is
// the same whether the code runs from source (tsx, jest) or from the bundle `npm start` builds
// (build/main.js, one file at another depth; scripts/build-server.mjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json in ${from} or any folder above it`);
  }
}

export const ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));
