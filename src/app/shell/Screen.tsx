import { useEffect } from 'preact/hooks';
import { FirstRun } from '../first-run/FirstRun';
import { useI18n } from '../i18n';
import { href, useRoute, type Route } from '../router';
import { useSession } from '../session/context';
import { screens } from './screens';

const { Join, Connect, StudentArea, CheckInForm, StudentView, ClassSetup, FamilyReport, GroupCheckInForm, ExportScreen, Dashboard } = screens;

/** Picks the screen for the address and the person; moves focus to the new screen for screen readers. */
export function Screen() {
  const route = useRoute();
  const { profile, classId } = useSession();
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.name, (route as { studentId?: string }).studentId]);
  if (route.name === 'join') return <Join code={route.code} />;
  if (!profile) return route.name === 'start' ? <FirstRun /> : <StudentArea route={{ name: 'picker' }} />;
  return <ForRoute route={route} hasClass={classId !== null} role={profile.role} />;
}

function ForRoute({ route, hasClass, role }: { route: Route; hasClass: boolean; role: 'teacher' | 'student' }) {
  const { profile } = useSession();
  switch (route.name) {
    case 'start':
      return <FirstRun />;
    case 'setup':
      return <ClassSetup />;
    case 'home':
    case 'class':
      if (!hasClass) return role === 'teacher' ? <ClassSetup /> : <FirstRun />;
      if (role === 'student' && profile?.studentId) return <StudentArea route={route} />;
      return <Dashboard />;
    case 'student':
      // A student only ever has their own plan (the "My plan" screen); a classmate's id leads nowhere.
      if (role === 'teacher') return <StudentView studentId={route.studentId} />;
      return route.studentId === profile?.studentId ? <StudentArea route={{ name: 'my-plan' }} /> : <NotFound />;
    case 'checkin':
      return role === 'teacher' ? <CheckInForm studentId={route.studentId} checkinId={route.checkinId} /> : <NotFound />;
    case 'connect':
      return <Connect />;
    case 'group-checkin':
      return role === 'teacher' ? <GroupCheckInForm /> : <NotFound />;
    case 'export':
      return role === 'teacher' ? <ExportScreen /> : <NotFound />;
    case 'report':
      return role === 'teacher' ? <FamilyReport studentId={route.studentId} /> : <NotFound />;
    case 'my-plan':
    case 'projects':
    case 'project':
    case 'reflections':
    case 'me':
      return role === 'student' ? <StudentArea route={route} /> : <NotFound />;
    case 'join':
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section class="stack">
      <h1>{t('app.notFound')}</h1>
      <a class="button" href={href({ name: 'home' })}>{t('app.goHome')}</a>
    </section>
  );
}
