import { useState } from 'preact/hooks';
import { removeProfile, unsyncedSummary } from '../../local/profiles';
import type { UnsyncedSummary } from '../../local/types';
import { Notice } from '../components/Notice';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { navigate } from '../router';
import { useSession } from '../session/context';

/**
 * "Remove me from this device": only once the school server has confirmed it stored every change
 * and every photo. Otherwise it says what would be lost and keeps everything.
 */
export function RemoveMe() {
  const { t } = useI18n();
  const { profile, close } = useSession();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'blocked'; summary: UnsyncedSummary } | { kind: 'confirm' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  if (!profile) return null;

  async function check() {
    const summary = await unsyncedSummary(profile!.id);
    setState(summary.safeToRemove && profile!.relayUrl ? { kind: 'confirm' } : { kind: 'blocked', summary });
  }

  async function remove() {
    try {
      close();
      await removeProfile(profile!.id);
      navigate({ name: 'home' }, true);
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section class="card stack" aria-labelledby="remove-title">
      <h2 id="remove-title">{t('remove.title')}</h2>
      <p class="muted">{t('remove.hint')}</p>
      {state.kind === 'blocked' && (
        <Notice kind="warning">
          <strong>{t('remove.notYet')}</strong>
          <ul>
            {!profile.relayUrl && <li>{t('remove.neverConnected')}</li>}
            {state.summary.pendingDocs.length + state.summary.unstoredDocs.length > 0 && (
              <li>{t('remove.unsavedWork', { count: new Set([...state.summary.pendingDocs, ...state.summary.unstoredDocs]).size })}</li>
            )}
            {state.summary.unuploadedBlobs > 0 && <li>{t('remove.unsentPhotos', { count: state.summary.unuploadedBlobs })}</li>}
          </ul>
          {t('remove.whatToDo')}
        </Notice>
      )}
      {state.kind === 'confirm' && (
        <Notice kind="info">
          <p>{t('remove.safe')}</p>
          <div class="button-row">
            <button type="button" class="button button--primary" onClick={() => void remove()}>{t('remove.confirm')}</button>
            <button type="button" class="button" onClick={() => setState({ kind: 'idle' })}>{t('goal.cancel')}</button>
          </div>
        </Notice>
      )}
      {state.kind === 'failed' && <Notice kind="error">{t('remove.failed', { message: state.message })}</Notice>}
      {state.kind !== 'confirm' && <button type="button" class="button" onClick={() => void check()}>{t('remove.button')}</button>}
    </section>
  );
}
