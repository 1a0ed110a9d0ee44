import { useI18n } from '../i18n';
import { useSession } from '../session/context';
import { HeaderBar } from './HeaderBar';
import { SaveStatus } from './SaveStatus';

export function Header() {
  const { t } = useI18n();
  const { profile, close } = useSession();
  return (
    <HeaderBar
      tools={profile && (
        <button type="button" class="button button--quiet" onClick={close}>
          {t('app.switchProfile')}
        </button>
      )}
    >
      {profile && <SaveStatus />}
    </HeaderBar>
  );
}
