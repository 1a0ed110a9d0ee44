import { useState } from 'preact/hooks';
import { listProfiles } from '../../local/profiles';
import type { DeviceProfile } from '../../local/types';
import { FirstRun } from '../first-run/FirstRun';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { href, navigate } from '../router';
import { useSession } from '../session/context';
import { PinPad } from './PinPad';
import { pictureOf } from './pictures';
import './profiles.css';

/**
 * Who is using this device? Big tiles with each person's picture, so a child who cannot read yet
 * finds their own. A profile with a PIN asks for it before anything of theirs is opened.
 */
export function ProfilePicker() {
  const { t } = useI18n();
  const session = useSession();
  const profiles = useLiveQuery<DeviceProfile[] | null>(() => listProfiles(), [], null);
  const [asking, setAsking] = useState<DeviceProfile | null>(null);
  if (profiles === null) return <p class="muted">{t('app.loading')}</p>;
  if (profiles.length === 0) return <FirstRun />;

  const open = (p: DeviceProfile) => void session.open(p.id).then(() => navigate({ name: 'home' }));
  if (asking) return <PinPad profile={asking} onOpen={() => open(asking)} onBack={() => setAsking(null)} />;

  return (
    <section class="stack picker" aria-labelledby="picker-title">
      <h1 id="picker-title">{t('picker.title')}</h1>
      <ul class="picker__grid">
        {profiles.map((p) => (
          <li key={p.id}>
            <button type="button" class="picker__tile" onClick={() => (p.pinHash ? setAsking(p) : open(p))}>
              <span class="picker__picture" aria-hidden="true">{pictureOf(p.picture) ?? p.displayName.slice(0, 1).toUpperCase()}</span>
              <span class="picker__name">{p.displayName}</span>
              {p.pinHash && <span class="picker__lock"><span aria-hidden="true">🔒 </span>{t('picker.hasPin')}</span>}
            </button>
          </li>
        ))}
      </ul>
      <a class="button button--block" href={href({ name: 'start' })}>{t('picker.someoneNew')}</a>
    </section>
  );
}
