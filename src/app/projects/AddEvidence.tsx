import { useState } from 'preact/hooks';
import type { PlanActions } from '../data/plan';
import { forgetUnusedBlob, keepBlob } from '../../local';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { useSession } from '../session/context';
import { shrinkPhoto } from './shrink-photo';
import { LIMITS } from '../../core';

type Kind = 'text' | 'photo' | 'link';
const KINDS: { kind: Kind; icon: string }[] = [{ kind: 'photo', icon: '📷' }, { kind: 'text', icon: '✏️' }, { kind: 'link', icon: '🔗' }];

/**
 * Show what I made: a photo (camera or files, shrunk on the device and kept here), some words, or
 * a link. A photo or words are saved as soon as they exist (the record is created with the photo
 * or the first letter, then updated as the student types), so a lock or a closed tab loses
 * nothing; "Cancel" takes the new record back out.
 */
export function AddEvidence({ actions, projectId, onDraft }: { actions: PlanActions; projectId: string; onDraft(id: string | null): void }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const [kind, setKind] = useState<Kind | null>(null);
  const [draft, setDraft] = useState<{ id: string; hash: string | null } | null>(null);
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [preview, setPreview] = useState<{ url: string; size: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function track(next: { id: string; hash: string | null } | null) {
    setDraft(next);
    onDraft(next?.id ?? null);
  }

  function finish() {
    if (preview) URL.revokeObjectURL(preview.url);
    setKind(null); setText(''); setUrl(''); setPreview(null); setError(null);
    track(null);
  }

  /** Takes back what this form added; a photo no other evidence uses is forgotten too. */
  function cancel() {
    if (draft) {
      actions.removeEvidence(draft.id);
      const hash = draft.hash;
      if (hash && profile && !actions.usesPhoto(hash)) void forgetUnusedBlob(profile.id, hash);
    }
    finish();
  }

  async function picked(file: File | undefined) {
    if (!file || !profile) return;
    setBusy(true);
    setError(null);
    try {
      const small = await shrinkPhoto(file);
      const hash = await keepBlob(profile.id, small, 'image/jpeg');
      const id = actions.addEvidence({ projectId, kind: 'photo', photoHash: hash, text: text.trim() });
      track({ id, hash });
      setPreview({ url: URL.createObjectURL(small), size: small.size });
    } catch (e) {
      const full = e instanceof DOMException && e.name === 'QuotaExceededError';
      setError(full ? t('evidence.photoFull') : t('evidence.photoFailed'));
    } finally {
      setBusy(false);
    }
  }

  function typed(value: string) {
    setText(value);
    if (draft) actions.editEvidence(draft.id, { text: value });
    else if (kind === 'text' && value.trim()) track({ id: actions.addEvidence({ projectId, kind: 'text', text: value }), hash: null });
  }

  function done(event: Event) {
    event.preventDefault();
    if (kind === 'photo' && !draft) return setError(t('evidence.photoRequired'));
    if (kind === 'text' && !text.trim()) return setError(t('evidence.textRequired'));
    if (kind === 'link') {
      if (!/^https?:\/\/\S+$/i.test(url.trim())) return setError(t('evidence.linkInvalid'));
      actions.addEvidence({ projectId, kind: 'link', url: url.trim(), text: text.trim() });
    }
    finish();
  }

  return (
    <div class="stack add-evidence">
      <fieldset class="evidence-kinds">
        <legend>{t('evidence.add')}</legend>
        {KINDS.map((k) => (
          <button key={k.kind} type="button" class={`evidence-kind${kind === k.kind ? ' evidence-kind--on' : ''}`} aria-pressed={kind === k.kind}
            onClick={() => { if (kind !== k.kind) { cancel(); setKind(k.kind); } }}>
            <span aria-hidden="true" class="evidence-kind__icon">{k.icon}</span>
            {t(`evidence.kind.${k.kind}`)}
          </button>
        ))}
      </fieldset>
      {kind && (
        <form class="stack" onSubmit={done} noValidate>
          {error && <Notice kind="error">{error}</Notice>}
          {kind === 'photo' && (
            preview ? (
              <figure class="evidence-preview">
                <img src={preview.url} alt={t('evidence.preview')} />
                <figcaption class="muted">{t('evidence.photoKept', { kb: Math.round(preview.size / 1024) })}</figcaption>
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
            <Field label={t('evidence.link')} limit={[url, LIMITS.url]}>
              {({ id, describedBy, maxLength }) => <input id={id} type="url" inputMode="url" aria-describedby={describedBy} maxLength={maxLength} value={url} placeholder="https://" onInput={(e) => setUrl(e.currentTarget.value)} />}
            </Field>
          )}
          <Field label={kind === 'text' ? t('evidence.whatIMade') : t('evidence.caption')} limit={[text, LIMITS.note]}>
            {({ id, describedBy, maxLength }) => <textarea id={id} rows={kind === 'text' ? 3 : 2} aria-describedby={describedBy} maxLength={maxLength} value={text} onInput={(e) => typed(e.currentTarget.value)} />}
          </Field>
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={busy}>{kind === 'link' ? t('evidence.save') : t('evidence.done')}</button>
            <button type="button" class="button" onClick={cancel}>{t('goal.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
