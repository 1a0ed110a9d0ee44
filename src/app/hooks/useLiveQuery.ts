import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

/** Dexie's liveQuery as a Preact hook: re-runs the query whenever the tables it read change. */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('Pathbook: a live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
