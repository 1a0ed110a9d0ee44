import { useEffect, useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { planUndo } from './plan-undo';

/** "Undo my last change": reverts this person's own last edit to their plan, never someone else's. */
export function UndoButton({ doc, disabled }: { doc: Y.Doc; disabled?: boolean }) {
  const { t } = useI18n();
  const manager = planUndo(doc);
  const [canUndo, setCanUndo] = useState(manager.canUndo());
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    const refresh = () => setCanUndo(manager.canUndo());
    refresh();
    manager.on('stack-item-added', refresh);
    manager.on('stack-item-popped', refresh);
    manager.on('stack-cleared', refresh);
    return () => {
      manager.off('stack-item-added', refresh);
      manager.off('stack-item-popped', refresh);
      manager.off('stack-cleared', refresh);
    };
  }, [manager]);
  return (
    <div class="undo">
      <button type="button" class="button button--quiet undo__button" disabled={disabled || !canUndo}
        onClick={() => { manager.undo(); setAnnounce(t('undo.done')); }}>
        <span aria-hidden="true">↶</span> {t('undo.button')}
      </button>
      <span class="visually-hidden" role="status">{announce}</span>
    </div>
  );
}
