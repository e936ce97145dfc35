// Configuration from the environment (DESIGN.md "HTTP surface"). Its own module, so that command-line
// tools that need only the data directory (backup, restore) start without loading the app.
import path from 'node:path';

export interface Config {
  port: number;
  dataDir: string;
  trustProxy: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    dataDir: path.resolve(env.TANDEM_DATA_DIR ?? path.join(process.cwd(), 'data')),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}
