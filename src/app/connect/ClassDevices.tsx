import { useEffect, useState } from 'preact/hooks';
import type { ClassDevice, PendingJoin } from '../../sync/relay-api';
import { CardList } from '../components/CardList';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';
import { useScreenText } from './screen-text';
import { decideJoinRequest, listDevices, listJoinRequests, relayOrigin, revokeDevice, type CallError } from './relay-calls';

/** While the screen is open, new requests show up within this long. */
const REFRESH_MS = 15_000;

function time(language: string, at: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/**
 * The teacher's view of who is on which device: devices asking to be a student who already has one
 * ("Kofi wants to join on a new device"), to approve or decline, and every device that joined, to
 * remove. A class code alone never gives a second device someone's work.
 */
export function ClassDevices({ token, classId }: { token: string; classId: string }) {
  const { t, language } = useI18n();
  const d = useScreenText();
  const [requests, setRequests] = useState<PendingJoin[]>([]);
  const [devices, setDevices] = useState<ClassDevice[]>([]);
  const [error, setError] = useState<CallError | null>(null);

  async function refresh() {
    const [r, d] = await Promise.all([listJoinRequests(relayOrigin(), token, classId), listDevices(relayOrigin(), token, classId)]);
    if ('error' in r) return setError(r.error);
    if ('error' in d) return setError(d.error);
    setError(null);
    setRequests(r);
    setDevices(d);
  }

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [token, classId]);

  async function decide(id: string, decision: 'approve' | 'decline') {
    const result = await decideJoinRequest(relayOrigin(), token, classId, id, decision);
    if (result && typeof result === 'object' && 'error' in result) setError(result.error as CallError);
    await refresh();
  }

  async function revoke(deviceId: string) {
    const result = await revokeDevice(relayOrigin(), token, classId, deviceId);
    if (result && typeof result === 'object' && 'error' in result) setError(result.error as CallError);
    await refresh();
  }

  return (
    <div class="stack">
      {error && <Notice kind="error">{t('connect.error.other', { message: error.message })}</Notice>}
      {requests.length > 0 && (
        <CardList id="join-requests-title" title={d('connect.requests')}>
            {requests.map((r) => (
              <li key={r.id} class="device-list__row">
                <span>{d('connect.requestLine', { name: r.displayName, device: r.deviceName || '?', time: time(language, r.requestedAt) })}</span>
                <span class="device-list__actions">
                  <button type="button" class="button button--primary" onClick={() => void decide(r.id, 'approve')}>{d('connect.approve', { name: r.displayName })}</button>
                  <button type="button" class="button" onClick={() => void decide(r.id, 'decline')}>{d('connect.decline')}</button>
                </span>
              </li>
            ))}
        </CardList>
      )}
      <section class="card stack" aria-labelledby="devices-title">
        <h2 id="devices-title">{d('connect.devices')}</h2>
        {devices.length === 0 ? (
          <p class="muted">{d('connect.noDevices')}</p>
        ) : (
          <ul class="stack device-list">
            {devices.map((dev) => (
              <li key={`${dev.deviceId}:${dev.studentId}`} class="device-list__row">
                <span>{d('connect.deviceLine', { name: dev.displayName ?? '?', device: dev.deviceName || '?', time: time(language, dev.lastSeenAt) })}</span>
                {dev.revokedAt === null ? (
                  <button type="button" class="button" onClick={() => void revoke(dev.deviceId)}>{d('connect.revoke', { name: dev.displayName ?? '?' })}</button>
                ) : (
                  <span class="muted">{d('connect.revoked')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
