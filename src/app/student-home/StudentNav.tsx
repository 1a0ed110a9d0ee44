import { useStudentI18n as useI18n, type StudentTextKey as TextKey } from './i18n';
import { href, useRoute, type Route } from '../router';
import { PhotoUploader } from '../projects/PhotoUploader';
import { IdleLock } from '../profiles/IdleLock';
import './student.css';

const TABS: { route: Route; key: TextKey; icon: string; match: Route['name'][] }[] = [
  { route: { name: 'home' }, key: 'student.nav.home', icon: '🏠', match: ['home', 'class'] },
  { route: { name: 'my-plan' }, key: 'student.nav.plan', icon: '🎯', match: ['my-plan'] },
  { route: { name: 'projects' }, key: 'student.nav.projects', icon: '🛠️', match: ['projects', 'project'] },
  { route: { name: 'reflections' }, key: 'student.nav.journal', icon: '📓', match: ['reflections'] },
  { route: { name: 'me' }, key: 'student.nav.me', icon: '🙂', match: ['me'] },
];

/** The student's places, always one tap away; the current one is marked for screen readers too. */
export function StudentNav() {
  const { t } = useI18n();
  const current = useRoute().name;
  return (
    <nav class="student-nav" aria-label={t('student.nav.label')}>
      <PhotoUploader />
      <IdleLock />
      <ul>
        {TABS.map((tab) => {
          const here = tab.match.includes(current);
          return (
            <li key={tab.key}>
              <a href={href(tab.route)} aria-current={here ? 'page' : undefined} class={here ? 'student-nav__on' : undefined}>
                <span class="student-nav__icon" aria-hidden="true">{tab.icon}</span>
                <span>{t(tab.key)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
