/** Waiting and cleanup shared by the relay tests. */

/** Retries an assertion (or a truthy check) until it passes or the time is up (generous: CI is a busy 2-core machine); then throws the last failure. */
export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 20_000, interval = 20 } = {}): Promise<Exclude<NonNullable<T>, false>> {
  const deadline = Date.now() + timeout;
  let last: unknown = new Error('waitFor: condition never became true');
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null) return value as Exclude<NonNullable<T>, false>;
      last = new Error('waitFor: condition never became true');
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw last;
}

// ---- cleanup ---------------------------------------------------------------------------------

const cleanups: (() => Promise<void> | void)[] = [];

/** Call from afterEach: destroys every provider, socket and relay the helpers made, newest first. */
export async function cleanup(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!();
}

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}
