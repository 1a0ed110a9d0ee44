import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistence, storageUsage } from '../../src/local/storage-estimate';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('storage estimate', () => {
  it('answers false and null where the browser has no storage manager', async () => {
    vi.stubGlobal('navigator', undefined);
    expect(await requestPersistence()).toBe(false);
    expect(await storageUsage()).toBeNull();
    vi.stubGlobal('navigator', {});
    expect(await requestPersistence()).toBe(false);
    expect(await storageUsage()).toBeNull();
  });

  it('asks for persistence once and reports usage', async () => {
    const persist = vi.fn(async () => true);
    let persisted = false;
    vi.stubGlobal('navigator', {
      storage: {
        persist: async () => (persisted = await persist()),
        persisted: async () => persisted,
        estimate: async () => ({ usage: 1_234, quota: 10_000 }),
      },
    });
    expect(await requestPersistence()).toBe(true);
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await storageUsage()).toEqual({ usage: 1_234, quota: 10_000, persisted: true });
  });

  it('turns a throwing browser API into false and null', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        persist: async () => {
          throw new Error('denied');
        },
        estimate: async () => {
          throw new Error('unavailable');
        },
      },
    });
    expect(await requestPersistence()).toBe(false);
    expect(await storageUsage()).toBeNull();
  });
});
