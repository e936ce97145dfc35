// The benchmark's baseline: the cheapest thing an Express 5 server can do with a response of a
// given size. express.static behind compression, serving a directory of files that hold the
// exact bytes of the responses Tandem sent (so size and compressibility are the same).
//   node --import tsx scripts/bench/baseline-server.ts DIR
// Listens on 127.0.0.1 on a free port and prints "listening PORT" on its first line of output.
import compression from 'compression';
import express from 'express';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: baseline-server.ts DIR');
  process.exit(2);
}

const app = express();
app.disable('x-powered-by');
app.use(compression());
app.use(express.static(path.resolve(dir)));

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
