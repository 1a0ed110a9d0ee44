import { useMemo, useState } from 'preact/hooks';
import { LIMITS, classDocument, localDay, type Level } from '../../core';
import { Field } from '../components/Field';
import { LockIcon } from '../components/LockIcon';
import { useTeacherI18n } from '../dashboard/i18n';
import { useYDoc } from '../hooks/useYDoc';
import { href } from '../router';
import { useSession } from '../session/context';
import { GroupCheckIn } from '../data/group-checkin';
import './checkin.css';

/** Choose a group (or a few students), then one form records a check-in for each of them. */
export function GroupCheckInForm() {
  const { t } = useTeacherI18n();
  const { classId, store, profile } = useSession();
  const cls = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => {
    const c = classDocument(doc);
    return { students: c.students.list().filter((s) => !s.archived).sort((a, b) => a.displayName.localeCompare(b.displayName)), groups: c.groups.list() };
  });
  const staff = useYDoc(classId ? { kind: 'staff', classId } : null, (doc) => doc);
  const [chosen, setChosen] = useState<string[]>([]);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [session, setSession] = useState<GroupCheckIn | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [levels, setLevels] = useState<Record<string, Level>>({});
  const names = useMemo(() => new Map(cls.data?.students.map((s) => [s.id, s.displayName]) ?? []), [cls.data]);
  if (!classId || !store || !cls.data || !staff.data) return <p class="muted">{t('app.loading')}</p>;

  async function start() {
    if (!store || !classId || !staff.data || chosen.length === 0) return;
    const members = await Promise.all(chosen.map(async (studentId) => {
      const local = store.open({ kind: 'coach', classId, studentId });
      await local.whenLoaded;
      return { studentId, coach: local.doc };
    }));
    setSession(new GroupCheckIn(members, staff.data, groupId, profile?.displayName ?? ''));
  }
  const set = (key: string, value: string, write: (s: GroupCheckIn) => void) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (session) write(session);
  };

  if (!session) {
    const toggle = (id: string, on: boolean) => { setGroupId(null); setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id))); };
    return (
      <section class="stack" aria-labelledby="group-title">
        <h1 id="group-title">{t('grp.title')}</h1>
        {cls.data.groups.length > 0 && (
          <div class="card stack">
            <h2>{t('grp.pickGroup')}</h2>
            <div class="button-row">
              {cls.data.groups.map((g) => (
                <button key={g.id} type="button" class="button" aria-pressed={groupId === g.id}
                  onClick={() => { setGroupId(g.id); setChosen(g.studentIds.filter((id) => names.has(id))); }}>
                  {g.name} ({g.studentIds.filter((id) => names.has(id)).length})
                </button>
              ))}
            </div>
          </div>
        )}
        <fieldset class="card stack">
          <legend>{t('grp.pickStudents')}</legend>
          <div class="pick-grid">
            {cls.data.students.map((s) => (
              <label key={s.id} class="pick">
                <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} /> {s.displayName}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="button" class="button button--primary" disabled={chosen.length === 0} onClick={() => void start()}>
          {t('grp.start', { count: chosen.length })}
        </button>
      </section>
    );
  }

  return (
    <section class="stack" aria-labelledby="group-title">
      <h1 id="group-title">{t('grp.titleWith', { names: chosen.map((id) => names.get(id) ?? '').join(', ') })}</h1>
      <p class="muted">{t('grp.oneEach', { count: chosen.length })} {t('checkin.autosave')}</p>
      <fieldset class="card stack">
        <legend>{t('checkin.engagement')}</legend>
        {chosen.map((id) => (
          <Field key={id} label={names.get(id) ?? ''}>
            {({ id: fid }) => (
              <select id={fid} value={levels[id] ?? ''} onChange={(e) => { const l = Number(e.currentTarget.value) as Level; setLevels((x) => ({ ...x, [id]: l })); session.engagement(id, l); }}>
                <option value="">—</option>
                {([1, 2, 3, 4] as const).map((l) => <option key={l} value={l}>{l} · {t(`checkin.engagement.${l}`)}</option>)}
              </select>
            )}
          </Field>
        ))}
      </fieldset>
      <div class="card stack note-shared">
        <Field label={t('checkin.sharedNote')} hint={t('grp.sharedWho')} limit={[values.shared ?? '', LIMITS.note]}>
          {({ id, describedBy, maxLength }) => <textarea id={id} rows={4} aria-describedby={describedBy} maxLength={maxLength} value={values.shared ?? ''} onInput={(e) => set('shared', e.currentTarget.value, (s) => s.update({ sharedNote: e.currentTarget.value }))} />}
        </Field>
        <Field label={t('grp.nextStep')} limit={[values.step ?? '', LIMITS.title]}>
          {({ id, describedBy, maxLength }) => <input id={id} aria-describedby={describedBy} maxLength={maxLength} value={values.step ?? ''} onInput={(e) => set('step', e.currentTarget.value, (s) => s.nextStep(e.currentTarget.value))} />}
        </Field>
      </div>
      <div class="card stack note-private">
        <Field label={t('checkin.privateNote')} icon={<LockIcon />} hint={t('checkin.privateNoteWho')} limit={[values.private ?? '', LIMITS.note]}>
          {({ id, describedBy, maxLength }) => <textarea id={id} rows={3} aria-describedby={describedBy} maxLength={maxLength} value={values.private ?? ''} onInput={(e) => set('private', e.currentTarget.value, (s) => s.privateNote(e.currentTarget.value))} />}
        </Field>
      </div>
      <div class="card">
        <Field label={t('checkin.followUp')}>
          {({ id }) => <input id={id} type="date" min={localDay()} value={values.follow ?? ''} onInput={(e) => set('follow', e.currentTarget.value, (s) => s.update({ followUp: e.currentTarget.value || null }))} />}
        </Field>
      </div>
      <a class="button button--primary" href={href({ name: 'class' })}>{t('checkin.done')}</a>
    </section>
  );
}
