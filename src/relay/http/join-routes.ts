import { JoinRequest as Join } from '../../protocol/http-api';
import type { RelayServices } from '../services';
import type { Router } from './router';
import { parseBody, requireId } from './validate';

/** Students joining a class: no account, just the class code and their name on the roster. */
export function joinRoutes(router: Router, s: RelayServices): void {
  /** `?deviceId=` is required: failed lookups are counted per device (never per IP). */
  router.on('GET', '/api/join/:code', (ctx) => {
    const deviceId = requireId(ctx.url.searchParams.get('deviceId') ?? undefined, 'The deviceId query parameter');
    return { body: s.enrolment.lookup(ctx.params.code!.slice(0, 20), deviceId) };
  });

  router.on('POST', '/api/join', async (ctx) => {
    const body = parseBody(Join, await ctx.body());
    const answer = await s.enrolment.join(body);
    // 202: the device waits for a teacher's approval and asks again with the same body.
    return { status: 'waiting' in answer ? 202 : 200, body: answer };
  });
}
