import { useI18n } from '../i18n';

/** A form's two buttons: submit with its own words, and cancel. */
export function SaveCancel({ save, onCancel }: { save: string; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div class="button-row">
      <button type="submit" class="button button--primary">{save}</button>
      <button type="button" class="button" onClick={onCancel}>{t('goal.cancel')}</button>
    </div>
  );
}
