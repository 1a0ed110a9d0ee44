import { useEffect, useMemo, useState } from 'preact/hooks';
import type * as Y from 'yjs';
import type { DocRef } from '../../core';
import { docName } from '../../core';
import type { LocalDoc } from '../../local';
import { useSession } from '../session/context';

export interface DocView<T> {
  local: LocalDoc | null;
  /** Null until what is stored on this device has been loaded. */
  data: T | null;
  readOnly: boolean;
}

/**
 * Opens a document of the current profile and re-renders on every change, local or remote.
 * `view` builds what the screen needs from the document; it runs on each render.
 */
export function useYDoc<T>(ref: DocRef | null, view: (doc: Y.Doc) => T): DocView<T> {
  const { store } = useSession();
  const name = ref ? docName(ref) : null;
  const local = useMemo(() => (ref && store ? store.open(ref) : null), [name, store]);
  const [loaded, setLoaded] = useState(false);
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!local) return;
    let live = true;
    setLoaded(false);
    const onUpdate = () => setVersion((v) => v + 1);
    // Listening only after the load: an 'update' listener during it makes Yjs re-encode everything loaded.
    void local.whenLoaded.then(() => {
      if (!live) return;
      local.doc.on('update', onUpdate);
      setLoaded(true);
    });
    return () => {
      live = false;
      local.doc.off('update', onUpdate);
    };
  }, [local]);
  if (!local || !loaded) return { local, data: null, readOnly: false };
  return { local, data: view(local.doc), readOnly: local.access() !== 'writable' };
}
