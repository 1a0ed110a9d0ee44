import { inspect } from 'node:util';
import { oneLine } from './log';

/** One line for a logged value: an error as `Name: message (at first frame)`, never its whole stack. */
function describe(value: unknown): string {
  if (value instanceof Error) {
    const frame = value.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim();
    return `${value.name}: ${oneLine(value.message)}${frame ? ` (${frame})` : ''}`;
  }
  return typeof value === 'string' ? value : inspect(value, { depth: 1, breakLength: Infinity });
}

/**
 * Makes console.error and console.warn in this process write one short line each, at most
 * `perMinute` a minute, with a count of what was dropped: Hocuspocus logs every frame it cannot
 * use with a stack trace, and 100,000 garbage frames wrote ~22 MB. Returns a function that undoes it.
 */
export function limitConsole(perMinute: number, now: () => number = Date.now): () => void {
  const original = { error: console.error, warn: console.warn };
  let windowStart = now();
  let written = 0;
  let dropped = 0;
  const limited =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      const t = now();
      if (t - windowStart >= 60_000) {
        if (dropped > 0) original.warn(`[pathbook] ${dropped} more log lines in the last minute were not written (limit ${perMinute} a minute)`);
        windowStart = t;
        written = 0;
        dropped = 0;
      }
      if (written >= perMinute) {
        dropped++;
        return;
      }
      written++;
      write(oneLine(args.map(describe).join(' '), 500));
    };
  console.error = limited(original.error);
  console.warn = limited(original.warn);
  return () => Object.assign(console, original);
}
