import { renewToken } from './relay-api';
import { isRelayError } from '../protocol/relay-error';
import { readTokenClaims } from '../protocol/token-claims';

export const DAY_MS = 86_400_000;

export interface TokenRenewalOptions {
  relayUrl: string;
  /** The token the app holds for this profile. */
  appToken: () => string | null;
  onRenewed?: (token: string, expiresAt: number) => void;
  /** The relay refused the renewal: the token has expired or the device was removed. */
  onRefused: (code: string, message: string) => void;
  /** Renew when the token expires sooner than this (default: a day). */
  renewWithinMs?: number;
}

/**
 * The token the session uses, renewed while online when it is within a day of expiring (the
 * relay renews only unexpired tokens: a student who syncs at least once a month stays signed in).
 * The renewed token is used at once and handed to the app to keep in the profile.
 */
export class TokenRenewal {
  private renewed: { from: string; token: string } | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly options: TokenRenewalOptions) {}

  /** The app's token, or the one renewed from it until the app holds the new one. */
  current(): string | null {
    const fromApp = this.options.appToken();
    if (this.renewed && fromApp === this.renewed.from) return this.renewed.token;
    return fromApp;
  }

  needsRenewal(now = Date.now()): boolean {
    const claims = readTokenClaims(this.current());
    return claims !== null && claims.expiresAt - now < (this.options.renewWithinMs ?? DAY_MS);
  }

  /** Renews if needed; network failures are left for the next try. */
  renewIfDue(): Promise<void> {
    if (this.inFlight || !this.needsRenewal()) return this.inFlight ?? Promise.resolve();
    this.inFlight = this.renew().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async renew(): Promise<void> {
    const token = this.current();
    if (!token) return;
    try {
      const issued = await renewToken(this.options.relayUrl, token);
      this.renewed = { from: this.options.appToken() ?? token, token: issued.token };
      this.options.onRenewed?.(issued.token, issued.expiresAt);
    } catch (error) {
      if (!isRelayError(error) || error.code === 'unreachable' || error.code === 'bad-answer' || error.status >= 500) return;
      if (error.status === 401 || error.status === 403) this.options.onRefused(error.code, error.message);
    }
  }
}
