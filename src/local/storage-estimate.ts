/** What this site stores on the device and how much the browser allows, in bytes. */
export interface StorageUsage {
  usage: number;
  quota: number;
  /** True when the browser promised not to evict this site's data under storage pressure. */
  persisted: boolean;
}

function storageManager(): StorageManager | null {
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  return nav?.storage ?? null;
}

/**
 * Asks the browser to keep this site's data under storage pressure (call it from a user action:
 * Chromium grants it to installed or engaged sites). Resolves false where unsupported or refused.
 */
export async function requestPersistence(): Promise<boolean> {
  const storage = storageManager();
  if (typeof storage?.persist !== 'function') return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Usage and quota, or null where the browser does not tell. */
export async function storageUsage(): Promise<StorageUsage | null> {
  const storage = storageManager();
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const estimate = await storage.estimate();
    const persisted = typeof storage.persisted === 'function' ? await storage.persisted() : false;
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
  } catch {
    return null;
  }
}
