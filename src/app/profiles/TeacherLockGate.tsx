import type { ComponentChildren } from 'preact';
import { localDb } from '../../local/db';
import type { DeviceProfile } from '../../local/types';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { SecretForm } from './SecretForm';

/**
 * Before someone new is added to a device, every teacher already on it locks their profile: with a
 * second person here, a teacher's class and private notes must not open with a tap. The teacher is
 * the one holding the device at this moment (a one-person device opens their profile by itself),
 * so asking now gives no one anything they did not already have.
 */
export function TeacherLockGate({ children, except }: { children: ComponentChildren; except?: string | undefined }) {
  const { t } = useI18n();
  const unlocked = useLiveQuery<DeviceProfile[] | null>(
    () => localDb().profiles.filter((p) => p.role === 'teacher' && !p.pinHash && p.id !== except).toArray(),
    [except],
    null,
  );
  if (unlocked === null) return <p class="muted">{t('app.loading')}</p>;
  if (unlocked.length === 0) return <>{children}</>;
  return (
    <div class="stack">
      {unlocked.map((teacher) => (
        <SecretForm key={teacher.id} profile={teacher} title={t('lock.gateTitle', { name: teacher.displayName })}
          hint={t('lock.gateHint', { name: teacher.displayName })} onDone={() => {}} />
      ))}
    </div>
  );
}
