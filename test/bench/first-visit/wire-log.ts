import type { Cdp } from './cdp';

interface RequestLog {
  url: string;
  sentAt: number | null;
  headersAt: number | null;
  headerBytes: number;
  /** [epoch ms, decoded bytes, encoded bytes] per chunk received. */
  chunks: [number, number, number][];
  finishedAt: number | null;
  totalEncoded: number;
}

/**
 * Bytes on the wire (as Chromium counts them: headers plus the encoded body) of every request of
 * every attached target, with the time each part arrived, so a moment measured in the page can
 * be given the bytes that had crossed the link before it.
 */
export class WireLog {
  private requests = new Map<string, RequestLog>();
  /** Per session: wall-clock ms minus protocol timestamp ms (protocol timestamps are monotonic seconds). */
  private offsets = new Map<string, number>();

  constructor(cdp: Cdp) {
    const key = (session: string | undefined, id: unknown) => `${session ?? ''}/${String(id)}`;
    const log = (session: string | undefined, id: unknown) => {
      const k = key(session, id);
      let entry = this.requests.get(k);
      if (!entry) {
        entry = { url: '', sentAt: null, headersAt: null, headerBytes: 0, chunks: [], finishedAt: null, totalEncoded: 0 };
        this.requests.set(k, entry);
      }
      return entry;
    };
    const epoch = (session: string | undefined, timestamp: unknown) => (timestamp as number) * 1000 + (this.offsets.get(session ?? '') ?? 0);
    cdp.on('Network.requestWillBeSent', (p, session) => {
      if (!this.offsets.has(session ?? '')) this.offsets.set(session ?? '', (p.wallTime as number) * 1000 - (p.timestamp as number) * 1000);
      const entry = log(session, p.requestId);
      entry.url = (p.request as { url: string }).url;
      entry.sentAt = epoch(session, p.timestamp);
    });
    cdp.on('Network.responseReceived', (p, session) => {
      const entry = log(session, p.requestId);
      entry.headersAt = epoch(session, p.timestamp);
      entry.headerBytes = (p.response as { encodedDataLength?: number }).encodedDataLength ?? 0;
    });
    cdp.on('Network.dataReceived', (p, session) => {
      log(session, p.requestId).chunks.push([epoch(session, p.timestamp), p.dataLength as number, p.encodedDataLength as number]);
    });
    cdp.on('Network.loadingFinished', (p, session) => {
      const entry = log(session, p.requestId);
      entry.finishedAt = epoch(session, p.timestamp);
      entry.totalEncoded = p.encodedDataLength as number;
    });
  }

  /** One line per request, relative to `originMs`: for reading a run, not for the table. */
  timeline(originMs: number): string[] {
    return [...this.requests.entries()].map(([key, r]) => {
      const at = (t: number | null) => (t === null ? '-' : (t - originMs).toFixed(0).padStart(6));
      return `${key.slice(0, 6)} ${at(r.sentAt)} ${at(r.headersAt)} ${at(r.finishedAt)} ${String(r.totalEncoded).padStart(7)} ${r.url.replace(/^https?:\/\/[^/]+/, '')}`;
    });
  }

  requestCount(): number {
    return [...this.requests.values()].filter((r) => r.headersAt !== null).length;
  }

  /** Bytes received before `epochMs`; a body still arriving counts in proportion to what had arrived. */
  bytesBefore(epochMs: number): number {
    let total = 0;
    for (const r of this.requests.values()) {
      if (r.finishedAt !== null && r.finishedAt <= epochMs) {
        total += r.totalEncoded;
        continue;
      }
      if (r.headersAt === null || r.headersAt > epochMs) continue;
      total += r.headerBytes;
      const arrived = r.chunks.filter(([at]) => at <= epochMs);
      const encoded = arrived.reduce((sum, [, , e]) => sum + e, 0);
      if (encoded > 0 || r.finishedAt === null) {
        total += encoded;
        continue;
      }
      // Chromium often reports a body's encoded size only when it finishes: share it out by decoded bytes.
      const decodedAll = r.chunks.reduce((sum, [, d]) => sum + d, 0);
      const decodedBefore = arrived.reduce((sum, [, d]) => sum + d, 0);
      if (decodedAll > 0) total += Math.round(((r.totalEncoded - r.headerBytes) * decodedBefore) / decodedAll);
    }
    return total;
  }
}
