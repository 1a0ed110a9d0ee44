import { useEffect, useState } from 'preact/hooks';
import type { PlanDocument } from '../../core';
import { forgetUnusedBlob, keepBlob } from '../../local/blobs';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { useSession } from '../session/context';
import { shrinkPhoto } from './shrink-photo';

type Kind = 'text' | 'photo' | 'link';
const KINDS: { kind: Kind; icon: string }[] = [{ kind: 'photo', icon: '📷' }, { kind: 'text', icon: '✏️' }, { kind: 'link', icon: '🔗' }];

/** Show what I made: a photo (camera or files, shrunk on the device and kept here), some words, or a link. */
export function AddEvidence({ plan, projectId }: { plan: PlanDocument; projectId: string }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const [kind, setKind] = useState<Kind | null>(null);
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [photo, setPhoto] = useState<{ hash: string; preview: string; size: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => { if (photo) URL.revokeObjectURL(photo.preview); }, [photo]);

  function reset() {
    setKind(null); setText(''); setUrl(''); setPhoto(null); setError(null);
  }

  /** Cancelling after choosing a photo: a photo no evidence uses would only wait for an upload nobody needs. */
  function cancel() {
    if (photo && profile && !plan.evidence.list().some((e) => e.photoHash === photo.hash)) void forgetUnusedBlob(profile.id, photo.hash);
    reset();
  }

  async function picked(file: File | undefined) {
    if (!file || !profile) return;
    setBusy(true);
    setError(null);
    try {
      const small = await shrinkPhoto(file);
      const hash = await keepBlob(profile.id, small, 'image/jpeg');
      setPhoto({ hash, preview: URL.createObjectURL(small), size: small.size });
    } catch (e) {
      const full = e instanceof DOMException && e.name === 'QuotaExceededError';
      setError(full ? t('evidence.photoFull') : t('evidence.photoFailed'));
    } finally {
      setBusy(false);
    }
  }

  function save(event: Event) {
    event.preventDefault();
    const at = Date.now();
    if (kind === 'photo') {
      if (!photo) return setError(t('evidence.photoRequired'));
      plan.evidence.add({ projectId, kind: 'photo', photoHash: photo.hash, text: text.trim(), at });
    } else if (kind === 'link') {
      if (!/^https?:\/\/\S+$/i.test(url.trim())) return setError(t('evidence.linkInvalid'));
      plan.evidence.add({ projectId, kind: 'link', url: url.trim(), text: text.trim(), at });
    } else {
      if (!text.trim()) return setError(t('evidence.textRequired'));
      plan.evidence.add({ projectId, kind: 'text', text: text.trim(), at });
    }
    reset();
  }

  return (
    <div class="stack add-evidence">
      <fieldset class="evidence-kinds">
        <legend>{t('evidence.add')}</legend>
        {KINDS.map((k) => (
          <button key={k.kind} type="button" class={`evidence-kind${kind === k.kind ? ' evidence-kind--on' : ''}`} aria-pressed={kind === k.kind}
            onClick={() => { cancel(); setKind(k.kind); }}>
            <span aria-hidden="true" class="evidence-kind__icon">{k.icon}</span>
            {t(`evidence.kind.${k.kind}`)}
          </button>
        ))}
      </fieldset>
      {kind && (
        <form class="stack" onSubmit={save} noValidate>
          {error && <Notice kind="error">{error}</Notice>}
          {kind === 'photo' && (
            photo ? (
              <figure class="evidence-preview">
                <img src={photo.preview} alt={t('evidence.preview')} />
                <figcaption class="muted">{t('evidence.photoKept', { kb: Math.round(photo.size / 1024) })}</figcaption>
              </figure>
            ) : (
              <div class="button-row photo-pickers">
                <label class="button button--primary file-button">
                  <span aria-hidden="true">📷 </span>{busy ? t('evidence.shrinking') : t('evidence.takePhoto')}
                  <input type="file" accept="image/*" capture="environment" class="visually-hidden" disabled={busy} onChange={(e) => void picked(e.currentTarget.files?.[0])} />
                </label>
                <label class="button file-button">
                  <span aria-hidden="true">🖼️ </span>{t('evidence.choosePhoto')}
                  <input type="file" accept="image/*" class="visually-hidden" data-testid="choose-photo" disabled={busy} onChange={(e) => void picked(e.currentTarget.files?.[0])} />
                </label>
              </div>
            )
          )}
          {kind === 'link' && (
            <Field label={t('evidence.link')}>
              {({ id }) => <input id={id} type="url" inputMode="url" value={url} placeholder="https://" onInput={(e) => setUrl(e.currentTarget.value)} />}
            </Field>
          )}
          <Field label={kind === 'text' ? t('evidence.whatIMade') : t('evidence.caption')}>
            {({ id }) => <textarea id={id} rows={kind === 'text' ? 3 : 2} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={busy}>{t('evidence.save')}</button>
            <button type="button" class="button" onClick={cancel}>{t('goal.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
