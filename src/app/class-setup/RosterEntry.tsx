import { useState } from 'preact/hooks';
import { LIMITS, type RosterStudent } from '../../core';
import { useTeacherI18n } from '../dashboard/i18n';
import { TextLimit } from '../components/TextLimit';

/** One roster line: rename in place (saved as typed), archive or bring back. Archiving keeps every record. */
export function RosterEntry({ student, readOnly, onChange }: { student: RosterStudent; readOnly: boolean; onChange(patch: Partial<Pick<RosterStudent, 'displayName' | 'archived'>>): void }) {
  const { t } = useTeacherI18n();
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(student.displayName);
  return (
    <li>
      {renaming ? (
        <label class="field roster__name">
          <span>{t('setup.renameLabel', { name: student.displayName })}</span>
          <input value={draft} maxLength={LIMITS.name} autoFocus
            onInput={(e) => { const v = e.currentTarget.value; setDraft(v); if (v.trim()) onChange({ displayName: v.trim() }); }}
            onKeyDown={(e) => { if (e.key === 'Enter' || e.key === 'Escape') setRenaming(false); }} />
          <TextLimit value={draft} max={LIMITS.name} />
        </label>
      ) : (
        <span class="roster__name">{student.displayName} <span class="muted">· {t(`lang.${student.language}`)}</span></span>
      )}
      {!readOnly && (
        <span class="roster__actions">
          {renaming ? (
            <button type="button" class="button" onClick={() => setRenaming(false)}>{t('checkin.done')}</button>
          ) : (
            <button type="button" class="button button--quiet" aria-label={t('setup.renameNamed', { name: student.displayName })} onClick={() => { setDraft(student.displayName); setRenaming(true); }}>{t('setup.rename')}</button>
          )}
          <button type="button" class="button button--quiet" aria-label={t(student.archived ? 'setup.restoreNamed' : 'setup.archiveNamed', { name: student.displayName })}
            onClick={() => onChange({ archived: !student.archived })}>
            {t(student.archived ? 'setup.restore' : 'setup.archive')}
          </button>
        </span>
      )}
    </li>
  );
}
