import { useState } from 'preact/hooks';
import { updateProfile } from '../../local/profiles';
import { Field } from '../components/Field';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { useSession } from '../session/context';
import { StudentNav } from '../student-home/StudentNav';
import { isPin } from './pin';
import { pictureSecret, PictureKeys, SECRET_PICTURES } from './PicturePad';
import { Picture, PICTURE_NAMES } from './pictures';
import { RemoveMe } from './RemoveMe';
import { StorageUse } from './StorageUse';
import './profiles.css';

/** My picture and secret number for this device, the space Pathbook uses, and removing me from the device. */
export function MePage() {
  const { t } = useI18n();
  const { profile, refreshProfile, setSecret } = useSession();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secretPictures, setSecretPictures] = useState<number[]>([]);
  const [picturesMessage, setPicturesMessage] = useState<string | null>(null);
  if (!profile) return null;
  const usesPictures = Boolean(profile.pinHash) && profile.lockKind === 'pictures';

  async function savePictures() {
    if (secretPictures.length !== SECRET_PICTURES) return;
    await setSecret(pictureSecret(secretPictures), 'pictures');
    setSecretPictures([]);
    setMessage(null);
    setPicturesMessage(t('me.picturesSaved'));
  }

  async function savePin(event: Event) {
    event.preventDefault();
    if (!isPin(pin)) return setError(t('me.pinFour'));
    if (pin !== again) return setError(t('me.pinMismatch'));
    // The session re-seals this profile's relay token with a key from the new PIN.
    await setSecret(pin, 'pin');
    setPin(''); setAgain(''); setError(null); setPicturesMessage(null);
    setMessage(t('me.pinSaved'));
  }

  return (
    <section class="stack student" aria-labelledby="me-title">
      {profile.role === 'student' && <StudentNav />}
      <h1 id="me-title">{t('me.title', { name: profile.displayName })}</h1>
      <section class="card stack" aria-labelledby="me-picture">
        <h2 id="me-picture">{t('me.picture')}</h2>
        <p class="muted">{t('me.pictureHint')}</p>
        <div class="picture-grid" role="radiogroup" aria-labelledby="me-picture">
          {PICTURE_NAMES.map((name, i) => (
            <button key={name} type="button" role="radio" aria-checked={profile.picture === i} aria-label={t(`picture.${name}`)}
              class={`picture-choice${profile.picture === i ? ' picture-choice--on' : ''}`}
              onClick={() => void updateProfile(profile.id, { picture: i }).then(refreshProfile)}>
              <Picture name={name} size={44} />
            </button>
          ))}
        </div>
      </section>
      <form class="card stack" aria-labelledby="me-pin" onSubmit={(e) => void savePin(e)} noValidate>
        <h2 id="me-pin">{t('me.pin')}</h2>
        <p class="muted">{profile.pinHash && !usesPictures ? t('me.pinIsSet') : t('me.pinHint')}</p>
        <Field label={t('me.pinNew')}>
          {({ id }) => <input id={id} type="password" inputMode="numeric" autocomplete="new-password" maxLength={4} value={pin} onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))} />}
        </Field>
        <Field label={t('me.pinAgain')} error={error}>
          {({ id, describedBy, invalid }) => <input id={id} type="password" inputMode="numeric" autocomplete="new-password" maxLength={4} aria-describedby={describedBy} aria-invalid={invalid} value={again} onInput={(e) => setAgain(e.currentTarget.value.replace(/\D/g, ''))} />}
        </Field>
        <div class="button-row">
          <button type="submit" class="button button--primary">{t('me.pinSave')}</button>
          {profile.pinHash && !usesPictures && (
            <button type="button" class="button" onClick={() => void setSecret(null).then(() => setMessage(t('me.pinRemoved')))}>{t('me.pinRemove')}</button>
          )}
        </div>
        {message && <p role="status">{message}</p>}
      </form>
      <section class="card stack" aria-labelledby="me-secret-pictures">
        <h2 id="me-secret-pictures">{t('me.pictures')}</h2>
        <p class="muted">{usesPictures ? t('me.picturesAreSet') : t('me.picturesHint')}</p>
        <PictureKeys chosen={secretPictures} onChange={(next) => { setSecretPictures(next); setPicturesMessage(null); }} />
        <div class="button-row">
          <button type="button" class="button button--primary" disabled={secretPictures.length !== SECRET_PICTURES} onClick={() => void savePictures()}>{t('me.picturesSave')}</button>
          {usesPictures && (
            <button type="button" class="button" onClick={() => void setSecret(null).then(() => setPicturesMessage(t('me.picturesRemoved')))}>{t('me.picturesRemove')}</button>
          )}
        </div>
        {picturesMessage && <p role="status">{picturesMessage}</p>}
      </section>
      <StorageUse />
      <RemoveMe />
    </section>
  );
}
