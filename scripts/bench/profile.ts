// Summary of a V8 .cpuprofile (written by `node --cpu-prof`): where the time went, by function
// (self time) and by package or project folder. Used when BENCH_PROFILE=1.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

/** "express", "ejs", "server/http", "(node)" ... for a script URL. */
function area(url: string, root: string): string {
  if (!url) return '(native: GC, fs calls, builtins)';
  if (url.startsWith('node:')) return '(node)';
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = p.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (p.startsWith(root))
    return p
      .slice(root.length + 1)
      .split('/')
      .slice(0, 2)
      .join('/');
  return p;
}

const IDLE = new Set(['(idle)', '(program)']);

/**
 * The server runs as a bundle (build/main.js, scripts/build-server.mjs): its frames are put back
 * on the TypeScript file and line they come from through the bundle's source map, so the summary
 * names server/http/..., not one big file.
 */
function sourceMapped(nodes: ProfileNode[]): void {
  const maps = new Map<string, { map: SourceMap; dir: string } | undefined>();
  for (const node of nodes) {
    const { url, lineNumber, columnNumber } = node.callFrame;
    if (!url.startsWith('file://') || url.includes('/node_modules/')) continue; // packages: named by their package
    if (!maps.has(url)) {
      const file = fileURLToPath(url);
      maps.set(
        url,
        existsSync(`${file}.map`) ? { map: new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as never), dir: path.dirname(file) } : undefined,
      );
    }
    const found = maps.get(url);
    const entry = found?.map.findEntry(lineNumber, columnNumber);
    if (!found || !entry || !('originalSource' in entry)) continue;
    node.callFrame = {
      ...node.callFrame,
      url: `file://${path.resolve(found.dir, entry.originalSource)}`,
      lineNumber: entry.originalLine,
      columnNumber: entry.originalColumn,
    };
  }
}

/**
 * Self time by package or folder and by function, and total (inclusive) time by function, as
 * shares of the busy samples (idle left out), so a profile of a whole run reads like its load.
 */
export function summarizeProfile(file: string, root: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  sourceMapped(profile.nodes);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(root + '/', '')}:${lineNumber + 1}` : '';
    return `${functionName || '(anonymous)'} ${where}`.trim();
  };

  let busy = 0;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || IDLE.has(node.callFrame.functionName)) continue;
    busy += hits;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + hits);
    const a = area(node.callFrame.url, root);
    byArea.set(a, (byArea.get(a) ?? 0) + hits);
    const seen = new Set<string>(); // a recursive function counts once per sample
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const k = keyOf(byId.get(id)!);
      if (k === '(root)' || seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + hits);
    }
  }
  const pct = (n: number) => `${((100 * n) / (busy || 1)).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${pct(v)}  ${k}`)
      .join('\n');
  const seconds = ((profile.endTime - profile.startTime) / 1e6).toFixed(1);
  return [
    `CPU profile ${file}: ${seconds} s, ${busy} busy samples (shares below are of busy time)`,
    `Self time by package or folder:\n${list(byArea)}`,
    `Self time by function:\n${list(self)}`,
    `Total time (self + callees) by function:\n${list(total)}`,
  ].join('\n');
}
