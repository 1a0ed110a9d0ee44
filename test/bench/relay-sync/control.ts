import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as Y from 'yjs';
import { digestOf, type DocDigest } from './digest';

/** What the benchmark asks a server child about itself (on a second port, 127.0.0.1 only). */
export interface ServerStats {
  rssBytes: number;
  heapUsedBytes: number;
  /** Highest values sampled every 20 ms since the last reset. */
  peakRssBytes: number;
  peakHeapUsedBytes: number;
  /** User + system CPU time of the server process since the last reset. */
  cpuMs: number;
  openDocuments: number;
}

export interface ControlSource {
  /** Documents open in memory. */
  open(): Iterable<[string, Y.Doc]>;
  /** Documents as written to disk (the Pathbook relay only). */
  stored?(): Iterable<[string, Y.Doc]>;
  openCount(): number;
}

const SAMPLE_MS = 20;

/** GET /stats, POST /reset, GET /digest?from=memory|disk. */
export async function startControl(source: ControlSource): Promise<{ url: string; server: Server }> {
  let peakRss = 0;
  let peakHeap = 0;
  let cpuSince = process.cpuUsage();
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    return m;
  };
  setInterval(sample, SAMPLE_MS).unref();

  const stats = (): ServerStats => {
    const m = sample();
    const cpu = process.cpuUsage(cpuSince);
    return {
      rssBytes: m.rss,
      heapUsedBytes: m.heapUsed,
      peakRssBytes: peakRss,
      peakHeapUsedBytes: peakHeap,
      cpuMs: (cpu.user + cpu.system) / 1000,
      openDocuments: source.openCount(),
    };
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    try {
      if (req.method === 'GET' && url.pathname === '/stats') return reply(200, stats());
      if (req.method === 'POST' && url.pathname === '/reset') {
        // Start from what the process holds now, so the peak is the run's and not the startup's.
        const m = process.memoryUsage();
        peakRss = m.rss;
        peakHeap = m.heapUsed;
        cpuSince = process.cpuUsage();
        return reply(200, stats());
      }
      if (req.method === 'GET' && url.pathname === '/digest') {
        const from = url.searchParams.get('from') ?? 'memory';
        const docs = from === 'disk' ? source.stored?.() : source.open();
        if (!docs) return reply(404, { error: `no ${from} documents on this server` });
        const out: Record<string, DocDigest> = {};
        for (const [name, doc] of docs) out[name] = digestOf(doc);
        return reply(200, out);
      }
      reply(404, { error: 'not found' });
    } catch (error) {
      reply(500, { error: String(error) });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function controlGet<T>(controlUrl: string, path: string, method = 'GET'): Promise<T> {
  const res = await fetch(controlUrl + path, { method, signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
