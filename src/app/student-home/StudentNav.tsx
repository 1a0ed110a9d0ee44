import { useStudentI18n as useI18n, type StudentTextKey as TextKey } from './i18n';
import { href, useRoute, type Route } from '../router';
import { PhotoUploader } from '../projects/PhotoUploader';
import { IdleLock } from '../profiles/IdleLock';
import { NavIcon, type NavIconName } from './NavIcon';
import './student.css';

const TABS: { route: Route; key: TextKey; icon: NavIconName; match: Route['name'][] }[] = [
  { route: { name: 'home' }, key: 'student.nav.home', icon: 'home', match: ['home', 'class'] },
  { route: { name: 'my-plan' }, key: 'student.nav.plan', icon: 'plan', match: ['my-plan'] },
  { route: { name: 'projects' }, key: 'student.nav.projects', icon: 'projects', match: ['projects', 'project'] },
  { route: { name: 'reflections' }, key: 'student.nav.journal', icon: 'journal', match: ['reflections'] },
  { route: { name: 'me' }, key: 'student.nav.me', icon: 'me', match: ['me'] },
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
                <NavIcon name={tab.icon} />
                <span>{t(tab.key)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
