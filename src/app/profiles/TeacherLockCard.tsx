import { useState } from 'preact/hooks';
import { useSession } from '../session/context';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { SecretForm } from './SecretForm';

/** The open teacher's own lock on this device: choose one (alone here) or change it (the token is re-sealed). */
export function TeacherLockCard() {
  const { t } = useI18n();
  const { profile } = useSession();
  const [saved, setSaved] = useState(0);
  if (!profile || profile.role !== 'teacher') return null;
  return (
    <div class="stack">
      <SecretForm key={saved} profile={profile} title={t('lock.cardTitle')} hint={profile.pinHash ? t('lock.cardHintSet') : t('lock.cardHintNone')}
        onDone={() => setSaved((n) => n + 1)} />
      {saved > 0 && <p role="status">{t('lock.cardSaved')}</p>}
    </div>
  );
}
