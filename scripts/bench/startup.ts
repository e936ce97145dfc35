// Start-up time and memory of the server on a large data directory: the time from starting the
// process to its first healthy answer, and its RSS then and after reading every statement once.
// The process is what `npm start` runs once its build is done (the bundle, SERVER_BUNDLE): the
// build itself is made once before (buildServer) and not counted.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { currentRss, freePort, request, SERVER_BUNDLE, startNode, stopChild, waitForHealthy, type Child } from './processes.js';

export interface Startup {
  readyMs: number;
  rssAtReady: number | undefined;
  rssAfterReads: number | undefined;
}

export async function measureStartup(root: string, dataDir: string, logDir: string, statementIds: readonly string[], children: Child[]): Promise<Startup> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), TANDEM_DATA_DIR: dataDir };
  const t0 = performance.now();
  const server = startNode('tandem-large', SERVER_BUNDLE, { cwd: root, env, logFile: path.join(logDir, `server-${path.basename(dataDir)}.log`) });
  children.push(server);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealthy(server, `${base}/healthz`, 60_000);
  const readyMs = performance.now() - t0;
  const pid = server.proc.pid!;
  const rssAtReady = currentRss(pid);
  for (const id of statementIds) {
    for (const locale of ['my', 'km', 'th']) await request(`${base}/api/v1/statements/${id}/translations/${locale}`);
  }
  const rssAfterReads = currentRss(pid);
  await stopChild(server, 15_000);
  return { readyMs, rssAtReady, rssAfterReads };
}
