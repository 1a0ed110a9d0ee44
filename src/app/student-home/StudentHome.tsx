import { localDay } from '../../core';
import { localDb } from '../../local';
import { LockIcon } from '../components/LockIcon';
import { Notice } from '../components/Notice';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { PaceBadge } from '../components/PaceBadge';
import { ProgressBar } from '../components/ProgressBar';
import { useStudentI18n as useI18n } from './i18n';
import type { GoalView } from '../plan/goal-view';
import { href } from '../router';
import { useSession } from '../session/context';
import { Picture } from '../profiles/pictures';
import { StudentNav } from './StudentNav';
import { TeacherNote } from './TeacherNote';
import { classInfo, homeView, useStudentDocs } from './use-student';

/** What a student sees after opening their profile: their goals and pace, this week, what's next, and their teacher's words. */
export function StudentHome() {
  const { t, formatDate } = useI18n();
  const { profile } = useSession();
  // On a shared device, a student without a lock is asked (not forced) to choose one.
  const people = useLiveQuery(() => localDb().profiles.count(), [], 1);
  const docs = useStudentDocs((plan, coach) => homeView(plan, coach, localDay()));
  if (!docs?.plan.data) return <p class="muted">{t('app.loading')}</p>;
  const home = docs.plan.data;
  const name = docs.cls.data ? classInfo(docs.cls.data, docs.studentId).name : '';
  const first = name.split(' ')[0] ?? '';
  return (
    <section class="stack student" aria-labelledby="home-title">
      <StudentNav />
      <h1 id="home-title" class="student__hello">
        {first ? t('home.hello', { name: first }) : t('home.helloNoName')}
      </h1>
      {docs.plan.readOnly && <Notice kind="warning">{t('app.readOnlyNewer')}</Notice>}
      {profile?.picture === null && (
        <a class="card home-card home-card--picture" href={href({ name: 'me' })}>
          <span aria-hidden="true" class="home-card__big"><Picture name="fox" size={36} /><Picture name="turtle" size={36} /><Picture name="lion" size={36} /></span>
          <span>{t('home.choosePicture')}</span>
        </a>
      )}
      {profile && !profile.pinHash && people > 1 && (
        <a class="card home-card home-card--picture" href={href({ name: 'me' })}>
          <span aria-hidden="true" class="home-card__big"><LockIcon /></span>
          <span>{t('home.chooseLock')}</span>
        </a>
      )}

      <section class="card stack home-card home-card--goals" aria-labelledby="home-goals">
        <div class="title-row">
          <h2 id="home-goals">{t('home.myGoals')}</h2>
          <a class="button" href={href({ name: 'my-plan' })}>{t('home.seePlan')}</a>
        </div>
        {home.goals.length === 0 ? <p class="muted">{t('home.noGoals')}</p> : <GoalList goals={home.goals} />}
      </section>

      <section class="card stack home-card home-card--week" aria-labelledby="home-week">
        <h2 id="home-week">{t('home.thisWeek')}</h2>
        {home.weekly.length === 0 ? <p class="muted">{t('home.noWeekly')}</p> : <GoalList goals={home.weekly} />}
      </section>

      <section class="card stack home-card home-card--next" aria-labelledby="home-next">
        <h2 id="home-next">{t('home.nextMilestone')}</h2>
        {home.nextMilestone ? (
          <p>
            <a href={href({ name: 'project', projectId: home.nextMilestone.projectId })}>{home.nextMilestone.title}</a>
            {' · '}{home.nextMilestone.projectTitle}
            {home.nextMilestone.due && <> · {t('home.due', { date: formatDate(home.nextMilestone.due) })}</>}
          </p>
        ) : (
          <p class="muted">{t('home.noMilestone')} <a href={href({ name: 'projects' })}>{t('home.toProjects')}</a></p>
        )}
      </section>

      {docs.coach.data && <TeacherNote coach={docs.coach.data} />}
    </section>
  );
}

function GoalList({ goals }: { goals: GoalView[] }) {
  const { t, formatDate } = useI18n();
  return (
    <ul class="home-goals">
      {goals.map((v) => (
        <li key={v.goal.id} class="home-goal">
          <div class="home-goal__head">
            <span class="home-goal__title">{v.goal.title}</span>
            <PaceBadge pace={v.pace} />
          </div>
          <ProgressBar value={v.progress} expected={v.expected} />
          <p class="muted home-goal__meta">
            {t('goal.progressValue', { value: Math.round(v.progress) })} · {t(`status.goal.${v.state.status}`)} · {t('goal.due', { date: formatDate(v.goal.targetDate) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
