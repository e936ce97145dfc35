// The weight of the translator workspace's first view, as a browser would fetch it: the page, its
// stylesheets and its scripts (modules and what they import), fonts aside. Both as sent with
// the compression a browser asks for and uncompressed; held to the budget of 40 KB compressed
// and 150 KB uncompressed (README, "Workspace"). The bench reports it beside its throughput.
import { request } from './processes.js';

export interface WorkspaceWeight {
  compressed: number;
  uncompressed: number;
  files: { path: string; compressed: number; uncompressed: number }[];
}

export const WORKSPACE_BUDGET = { compressed: 40_000, uncompressed: 150_000 };

const linked = (html: string) => [
  ...[...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')),
  ...[...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1]!),
];
const imported = (js: string, from: string) => [...js.matchAll(/from '(\.\/[^']+)'/g)].map((m) => new URL(m[1]!, `http://x${from}`).pathname);

export async function workspaceWeight(base: string, pagePath: string, headers: Record<string, string>, acceptEncoding: string): Promise<WorkspaceWeight> {
  const files: WorkspaceWeight['files'] = [];
  const seen = new Set<string>();
  async function fetchBoth(path: string): Promise<string> {
    const plain = await request(`${base}${path}`, { headers });
    const packed = await request(`${base}${path}`, { headers: { ...headers, 'accept-encoding': acceptEncoding } });
    if (plain.status !== 200) throw new Error(`GET ${path} -> ${plain.status}`);
    files.push({ path, compressed: packed.body.length, uncompressed: plain.body.length });
    return plain.body.toString('utf8');
  }
  const queue = linked(await fetchBoth(pagePath));
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const body = await fetchBoth(next);
    if (next.endsWith('.js')) queue.push(...imported(body, next));
  }
  return {
    compressed: files.reduce((n, f) => n + f.compressed, 0),
    uncompressed: files.reduce((n, f) => n + f.uncompressed, 0),
    files,
  };
}
