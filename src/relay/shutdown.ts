import type { Hocuspocus } from '@hocuspocus/server';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

function storeBusy(hocuspocus: Hocuspocus, name: string, saving: boolean): boolean {
  const id = `onStoreDocument-${name}`;
  return hocuspocus.debouncer.isDebounced(id) || hocuspocus.debouncer.isCurrentlyExecuting(id) || saving;
}

/**
 * Writes every document with a save still waiting in Hocuspocus' debounce, and waits for saves in
 * progress. Called after the sockets are closed; loops because messages already received are
 * still being applied (and schedule new saves) for a moment after their socket closes.
 */
export async function flushPendingStores(hocuspocus: Hocuspocus, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietRounds = 0;
  while (Date.now() < deadline && quietRounds < 2) {
    await settle(10);
    const busy = [...hocuspocus.documents.values()].filter((d) => storeBusy(hocuspocus, d.name, d.saveMutex.isLocked()));
    if (busy.length === 0 && hocuspocus.loadingDocuments.size === 0) {
      quietRounds++;
      continue;
    }
    quietRounds = 0;
    for (const document of busy) {
      const id = `onStoreDocument-${document.name}`;
      if (!document.isLoading && hocuspocus.debouncer.isDebounced(id)) await hocuspocus.debouncer.executeNow(id);
      await document.saveMutex.waitForUnlock();
    }
  }
}
