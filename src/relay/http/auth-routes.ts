import { SignInRequest as SignIn, SignUpRequest as SignUp } from '../../protocol/http-api';
import { RelayError } from '../../protocol/relay-error';
import type { RelayServices } from '../services';
import type { Principal } from '../tokens';
import type { RouteContext, Router } from './router';
import { parseBody } from './validate';

export async function requireTeacher(ctx: RouteContext): Promise<Principal> {
  const principal = await ctx.principal();
  if (principal.role !== 'teacher') throw new RelayError(403, 'teachers-only', 'Only a teacher account can do this.');
  return principal;
}

function classList(s: RelayServices, teacherId: string) {
  return s.classes.forTeacher(teacherId).map((c) => ({ classId: c.id, name: c.name, joinCode: c.joinCode }));
}

async function teacherSession(s: RelayServices, teacherId: string, deviceId: string) {
  if (s.devices.register({ deviceId, role: 'teacher', subject: teacherId, classId: '' }) === 'revoked') {
    throw new RelayError(403, 'device-revoked', 'This device was removed from your account.');
  }
  const classes = classList(s, teacherId);
  const issued = await s.tokens.issue({ role: 'teacher', subject: teacherId, classIds: classes.map((c) => c.classId), deviceId });
  return { ...issued, classes };
}

export function authRoutes(router: Router, s: RelayServices): void {
  router.on('POST', '/api/auth/signup', async (ctx) => {
    const body = parseBody(SignUp, await ctx.body());
    const teacher = await s.accounts.signUp(body);
    return { status: 201, body: { ...(await teacherSession(s, teacher.id, body.deviceId)), teacher } };
  });

  router.on('POST', '/api/auth/signin', async (ctx) => {
    const body = parseBody(SignIn, await ctx.body());
    const teacher = await s.accounts.signIn(body);
    return { body: { ...(await teacherSession(s, teacher.id, body.deviceId)), teacher } };
  });

  /** A fresh token for a valid one (unexpired, unrevoked); a teacher's class list is refreshed. */
  router.on('POST', '/api/token/renew', async (ctx) => {
    const p = await ctx.principal();
    const classIds = p.role === 'teacher' ? classList(s, p.subject).map((c) => c.classId) : p.classIds;
    return { body: await s.tokens.issue({ role: p.role, subject: p.subject, classIds, deviceId: p.deviceId }) };
  });

  router.on('GET', '/api/me', async (ctx) => {
    const p = await ctx.principal();
    const who = { role: p.role, subject: p.subject, classIds: p.classIds, deviceId: p.deviceId, expiresAt: p.expiresAt };
    if (p.role === 'student') return { body: who };
    return { body: { ...who, teacher: s.accounts.get(p.subject), classes: classList(s, p.subject) } };
  });
}
