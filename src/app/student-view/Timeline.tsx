import { useState } from 'preact/hooks';
import { LockIcon } from '../components/LockIcon';
import { useTeacherI18n } from '../dashboard/i18n';
import type { CheckIn, NextStep, PrivateNote } from '../../core';

interface TimelineProps {
  checkins: readonly CheckIn[];
  steps: readonly NextStep[];
  privateNotes: readonly PrivateNote[];
  goalTitles: ReadonlyMap<string, string>;
}

/** Every check-in, newest first, with who can read each part. Teachers only (it shows private notes). */
export function Timeline({ checkins, steps, privateNotes, goalTitles }: TimelineProps) {
  const { t, formatDate } = useTeacherI18n();
  const [all, setAll] = useState(false);
  const sorted = [...checkins].sort((a, b) => b.date.localeCompare(a.date) || b.at - a.at);
  const shown = all ? sorted : sorted.slice(0, 8);
  return (
    <section class="stack" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('sv.timeline')} <span class="count">({sorted.length})</span></h2>
      {sorted.length === 0 && <p class="muted">{t('checkin.none')}</p>}
      <ol class="timeline">
        {shown.map((c) => {
          const priv = privateNotes.find((n) => n.checkinId === c.id && n.text.trim());
          const mine = steps.filter((s) => s.checkinId === c.id);
          const notes = Object.entries(c.goalNotes).filter(([, text]) => text.trim());
          return (
            <li key={c.id} class="timeline__item card stack">
              <h3>
                {formatDate(c.date)} · {t(`checkin.kind.${c.kind}`)}
                {c.engagement !== null && <span class="muted"> · {t('sv.engagementValue', { level: c.engagement, label: t(`checkin.engagement.${c.engagement}`) })}</span>}
              </h3>
              {notes.length > 0 && (
                <ul class="timeline__goal-notes">
                  {notes.map(([goalId, text]) => <li key={goalId}><strong>{goalTitles.get(goalId) ?? t('sv.oldGoal')}:</strong> {text}</li>)}
                </ul>
              )}
              {c.sharedNote.trim() && <p class="timeline__shared"><span class="who-sees who-sees--shared">{t('sv.sharedTag')}</span> {c.sharedNote}</p>}
              {priv && <p class="timeline__private"><span class="who-sees who-sees--private"><LockIcon />{t('sv.privateTag')}</span> {priv.text}</p>}
              {mine.length > 0 && (
                <ul class="timeline__steps">
                  {mine.map((s) => (
                    <li key={s.id}>{s.doneAt ? '✓ ' : '○ '}{s.text} <span class="muted">· {t(`checkin.stepOwner.${s.owner}`)}{s.due ? ` · ${formatDate(s.due)}` : ''}{s.doneAt ? ` · ${t('sv.stepDone')}` : ''}</span></li>
                  ))}
                </ul>
              )}
              {c.followUp && <p class="muted">{t('sv.followUp', { date: formatDate(c.followUp) })}</p>}
            </li>
          );
        })}
      </ol>
      {shown.length < sorted.length && (
        <button type="button" class="button" onClick={() => setAll(true)}>{t('sv.showAll', { count: sorted.length })}</button>
      )}
    </section>
  );
}
