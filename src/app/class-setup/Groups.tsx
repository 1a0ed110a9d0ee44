import { useState } from 'preact/hooks';
import { classDocument, LIMITS } from '../../core';
import { Field } from '../components/Field';
import { useTeacherI18n } from '../dashboard/i18n';
import { useYDoc } from '../hooks/useYDoc';
import { classActions } from '../data/class';

/** Groups for small-group check-ins. Membership is a whole list, replaced on each change (last writer wins). */
export function Groups({ classId }: { classId: string }) {
  const { t } = useTeacherI18n();
  const { data, local, readOnly } = useYDoc({ kind: 'class', classId }, (doc) => {
    const c = classDocument(doc);
    return { groups: c.groups.list(), students: c.students.list().filter((s) => !s.archived).sort((a, b) => a.displayName.localeCompare(b.displayName)) };
  });
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (!data || !local) return null;
  const names = new Map(data.students.map((s) => [s.id, s.displayName]));
  function submit(event: Event) {
    event.preventDefault();
    if (!local) return;
    if (!name.trim()) return setError(t('grp.nameRequired'));
    classActions(local.doc).addGroup(name.trim(), members);
    setName('');
    setMembers([]);
  }
  return (
    <section class="card stack" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('grp.groups')} <span class="count">({data.groups.length})</span></h2>
      {data.groups.length > 0 && (
        <ul class="group-list">
          {data.groups.map((g) => (
            <li key={g.id}>
              <strong>{g.name}</strong>: {g.studentIds.map((id) => names.get(id)).filter(Boolean).join(', ') || '—'}
              {!readOnly && <button type="button" class="button button--quiet" aria-label={t('cat.removeNamed', { title: g.name })} onClick={() => classActions(local.doc).removeGroup(g.id)}>{t('cat.remove')}</button>}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && data.students.length > 0 && (
        <form class="stack" onSubmit={submit} noValidate>
          <Field label={t('grp.name')} error={error} limit={[name, LIMITS.title]}>
            {({ id, describedBy, invalid, maxLength }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={maxLength} value={name} onInput={(e) => { setName(e.currentTarget.value); setError(null); }} />}
          </Field>
          <fieldset>
            <legend>{t('grp.members')}</legend>
            <div class="pick-grid">
              {data.students.map((s) => (
                <label key={s.id} class="pick">
                  <input type="checkbox" checked={members.includes(s.id)} onChange={(e) => { const on = e.currentTarget.checked; setMembers((m) => (on ? [...m, s.id] : m.filter((x) => x !== s.id))); }} /> {s.displayName}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" class="button">{t('grp.add')}</button>
        </form>
      )}
    </section>
  );
}
