import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/** Serves the built app (dist/) on 127.0.0.1 with a free port. The tests never build it themselves. */
export async function serveBuiltApp(): Promise<ServedApp> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests (npm test does).');
  const server: PreviewServer = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.httpServer.close(() => resolve());
        // Keep-alive sockets would otherwise go on serving a page that is meant to be offline.
        (server.httpServer as import("node:http").Server).closeAllConnections();
      }),
  };
}
