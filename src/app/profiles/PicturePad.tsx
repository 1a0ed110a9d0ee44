import type { Unlocked } from '../../local/profile-lock';
import type { DeviceProfile } from '../../local/types';
import { useState } from 'preact/hooks';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { Picture, PICTURE_NAMES, ProfileFace } from './pictures';
import { useUnlock } from './use-unlock';

/** How many pictures, in order, make a picture password (18 pictures: 5,832 orders). */
export const SECRET_PICTURES = 3;

/** The secret a picture password stands for (kept apart from any PIN by its prefix). */
export function pictureSecret(indices: readonly number[]): string {
  return `pictures:${indices.join('-')}`;
}

/** Taps pictures into a row of slots; the slots and a spoken count say how many are chosen. */
export function PictureKeys(props: { chosen: number[]; disabled?: boolean; onChange(next: number[]): void }) {
  const { t } = useI18n();
  const { chosen } = props;
  return (
    <div class="stack picture-keys">
      <div class="picture-slots" aria-hidden="true">
        {Array.from({ length: SECRET_PICTURES }, (_, i) => {
          const name = chosen[i] === undefined ? null : PICTURE_NAMES[chosen[i]!];
          return <span key={i} class={`picture-slot${name ? ' picture-slot--on' : ''}`}>{name && <Picture name={name} size={40} />}</span>;
        })}
      </div>
      <p class="visually-hidden" role="status">{t('pictures.count', { count: chosen.length, total: SECRET_PICTURES })}</p>
      <div class="picture-grid">
        {PICTURE_NAMES.map((name, i) => (
          <button key={name} type="button" class="picture-choice" aria-label={t(`picture.${name}`)} disabled={props.disabled || chosen.length >= SECRET_PICTURES}
            onClick={() => props.onChange([...chosen, i])}>
            <Picture name={name} size={40} />
          </button>
        ))}
      </div>
      <button type="button" class="button" disabled={chosen.length === 0} onClick={() => props.onChange(chosen.slice(0, -1))}>{t('pictures.erase')}</button>
    </div>
  );
}

/** A student's picture password: their secret pictures, tapped in order. Wrong tries slow it down like a PIN. */
export function PicturePad(props: { profile: DeviceProfile; onOpen(unlocked: Unlocked): void; onBack(): void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<number[]>([]);
  const lock = useUnlock(props.profile.id, props.onOpen);
  const waiting = lock.waitSeconds > 0;

  const change = (next: number[]) => {
    setChosen(next);
    if (next.length === SECRET_PICTURES) void lock.attempt(pictureSecret(next)).then(() => setChosen([]));
  };

  return (
    <section class="stack pin-pad" aria-labelledby="pictures-title">
      <p class="pin-pad__who"><ProfileFace picture={props.profile.picture} displayName={props.profile.displayName} size={44} /> {props.profile.displayName}</p>
      <h1 id="pictures-title">{t('pictures.enter')}</h1>
      {lock.wrong && <p class="field__error" role="alert">{t('pictures.wrong')}</p>}
      {waiting && <p role="status" class="pin-pad__wait">{t('pin.wait', { seconds: lock.waitSeconds })}</p>}
      <PictureKeys chosen={chosen} disabled={waiting || lock.busy} onChange={change} />
      <button type="button" class="button" onClick={props.onBack}>{t('pin.back')}</button>
    </section>
  );
}
