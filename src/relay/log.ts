/**
 * Logging that an attacker cannot turn into a disk filler: each kind of message is written at most
 * `perMinute` times a minute, as one line (no stack), and what was dropped is counted in the next
 * line of that kind.
 */
export class LimitedLog {
  private readonly windows = new Map<string, { started: number; written: number; dropped: number }>();

  constructor(
    private readonly perMinute = 20,
    private readonly write: (line: string) => void = (line) => console.warn(line),
    private readonly now: () => number = Date.now,
  ) {}

  /** `kind` groups messages for the limit (e.g. 'malformed-update'); `detail` is shortened to one line. */
  warn(kind: string, detail: string): void {
    const now = this.now();
    let w = this.windows.get(kind);
    if (!w || now - w.started >= 60_000) {
      const dropped = w?.dropped ?? 0;
      w = { started: now, written: 0, dropped: 0 };
      this.windows.set(kind, w);
      if (dropped > 0) this.write(`[pathbook] ${kind}: ${dropped} more in the last minute (not shown)`);
    }
    if (w.written >= this.perMinute) {
      w.dropped++;
      return;
    }
    w.written++;
    this.write(`[pathbook] ${kind}: ${oneLine(detail)}`);
  }
}

/** The first line of a message, at most 300 characters: enough to know what happened, never a stack or a payload. */
export function oneLine(text: string, max = 300): string {
  const first = text.split('\n', 1)[0] ?? '';
  return first.length > max ? `${first.slice(0, max)}…` : first;
}
