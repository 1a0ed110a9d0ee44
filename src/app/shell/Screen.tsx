import { useEffect } from 'preact/hooks';
import { CheckInForm } from '../checkin/CheckInForm';
import { ClassList } from '../class-list/ClassList';
import { ClassSetup } from '../class-setup/ClassSetup';
import { FirstRun } from '../first-run/FirstRun';
import { useI18n } from '../i18n';
import { StudentPlan } from '../plan/StudentPlan';
import { href, useRoute, type Route } from '../router';
import { useSession } from '../session/context';
import { lazyScreen } from '../components/Lazy';

const Join = lazyScreen(() => import('../join/Join').then((m) => m.Join));
const Connect = lazyScreen(() => import('../connect/Connect').then((m) => m.Connect));
const StudentHome = lazyScreen(() => import('../student-home/StudentHome').then((m) => m.StudentHome));
const MyPlan = lazyScreen(() => import('../my-plan/MyPlan').then((m) => m.MyPlan));
const Projects = lazyScreen(() => import('../projects/Projects').then((m) => m.Projects));
const ProjectPage = lazyScreen(() => import('../projects/ProjectPage').then((m) => m.ProjectPage));
const Reflections = lazyScreen(() => import('../reflections/Reflections').then((m) => m.Reflections));
const ProfilePicker = lazyScreen(() => import('../profiles/ProfilePicker').then((m) => m.ProfilePicker));
const MePage = lazyScreen(() => import('../profiles/MePage').then((m) => m.MePage));

/** Picks the screen for the address and the person; moves focus to the new screen for screen readers. */
export function Screen() {
  const route = useRoute();
  const { profile, classId } = useSession();
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.name, (route as { studentId?: string }).studentId]);
  if (route.name === 'join') return <Join code={route.code} />;
  if (!profile) return route.name === 'start' ? <FirstRun /> : <ProfilePicker />;
  return <ForRoute route={route} hasClass={classId !== null} role={profile.role} />;
}

function ForRoute({ route, hasClass, role }: { route: Route; hasClass: boolean; role: 'teacher' | 'student' }) {
  const { t } = useI18n();
  const { profile } = useSession();
  switch (route.name) {
    case 'start':
      return <FirstRun />;
    case 'setup':
      return <ClassSetup />;
    case 'home':
    case 'class':
      if (!hasClass) return role === 'teacher' ? <ClassSetup /> : <FirstRun />;
      if (role === 'student' && profile?.studentId) return <StudentHome />;
      return <ClassList />;
    case 'student':
      return <StudentPlan studentId={route.studentId} />;
    case 'checkin':
      return <CheckInForm studentId={route.studentId} checkinId={route.checkinId} />;
    case 'connect':
      return <Connect />;
    case 'my-plan':
      return role === 'student' ? <MyPlan /> : <NotFound />;
    case 'projects':
      return role === 'student' ? <Projects /> : <NotFound />;
    case 'project':
      return role === 'student' ? <ProjectPage projectId={route.projectId} /> : <NotFound />;
    case 'reflections':
      return role === 'student' ? <Reflections /> : <NotFound />;
    case 'me':
      return <MePage />;
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
