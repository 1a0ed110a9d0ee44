import { SignInRequest as SignIn, SignUpRequest as SignUp } from '../../protocol/http-api';
import { RelayError } from '../../protocol/relay-error';
import type { RelayServices } from '../services';
import type { Principal } from '../tokens';
import type { RouteContext, Router } from './router';
import { parseBody, requireId } from './validate';
import { closeTeacherDeviceConnections } from '../revoke-connections';

export async function requireTeacher(ctx: RouteContext): Promise<Principal> {
  const principal = await ctx.principal();
  if (principal.role !== 'teacher') throw new RelayError(403, 'teachers-only', 'Only a teacher account can do this.');
  return principal;
}

function classList(s: RelayServices, teacherId: string) {
  return s.classes.forTeacher(teacherId).map((c) => ({ classId: c.id, name: c.name, joinCode: c.joinCode }));
}

async function teacherSession(s: RelayServices, teacherId: string, deviceId: string, deviceName: string) {
  if (s.devices.register({ deviceId, role: 'teacher', subject: teacherId, classId: '' }, deviceName) === 'revoked') {
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
    return { status: 201, body: { ...(await teacherSession(s, teacher.id, body.deviceId, body.deviceName)), teacher } };
  });

  router.on('POST', '/api/auth/signin', async (ctx) => {
    const body = parseBody(SignIn, await ctx.body());
    const teacher = await s.accounts.signIn(body);
    return { body: { ...(await teacherSession(s, teacher.id, body.deviceId, body.deviceName)), teacher } };
  });

  /** A fresh token for a valid one (unexpired, unrevoked); a teacher's class list is refreshed. */
  router.on('POST', '/api/token/renew', async (ctx) => {
    const p = await ctx.principal();
    const classIds = p.role === 'teacher' ? classList(s, p.subject).map((c) => c.classId) : p.classIds;
    return { body: await s.tokens.issue({ role: p.role, subject: p.subject, classIds, deviceId: p.deviceId }) };
  });

  /** The teacher's own devices, with name and last seen; any of them can be signed out for good. */
  router.on('GET', '/api/me/devices', async (ctx) => {
    const p = await requireTeacher(ctx);
    return { body: { devices: s.devices.listForTeacher(p.subject).map((d) => ({ ...d, current: d.deviceId === p.deviceId })) } };
  });

  router.on('POST', '/api/me/devices/:deviceId/revoke', async (ctx) => {
    const p = await requireTeacher(ctx);
    const deviceId = requireId(ctx.params.deviceId, 'The device id');
    if (!s.devices.listForTeacher(p.subject).some((d) => d.deviceId === deviceId)) {
      throw new RelayError(404, 'unknown-device', 'No device with this id is signed in to your account.');
    }
    const revoked = s.devices.revokeTeacher(p.subject, deviceId);
    return { body: { revoked, closedConnections: closeTeacherDeviceConnections(s.hocuspocus, p.subject, deviceId) } };
  });

  /** Invitations to co-teach, for the signed-in teacher's email. */
  router.on('GET', '/api/invitations', async (ctx) => {
    const p = await requireTeacher(ctx);
    const me = s.accounts.get(p.subject);
    const invitations = me ? s.invitations.forEmail(me.email) : [];
    return {
      body: {
        invitations: invitations.map((i) => ({
          id: i.id,
          classId: i.classId,
          className: s.classes.get(i.classId)?.name ?? '',
          invitedBy: s.accounts.get(i.invitedBy)?.name ?? '',
          createdAt: i.createdAt,
        })),
      },
    };
  });

  for (const answer of ['accept', 'decline'] as const) {
    router.on('POST', `/api/invitations/:id/${answer}`, async (ctx) => {
      const p = await requireTeacher(ctx);
      const me = s.accounts.get(p.subject);
      const invitation = s.invitations.get(requireId(ctx.params.id, 'The invitation id'));
      if (!me || !invitation || invitation.email !== me.email) throw new RelayError(404, 'unknown-invitation', 'No such invitation for you.');
      s.invitations.remove(invitation.id);
      if (answer === 'accept') s.classes.addTeacher(invitation.classId, p.subject);
      return { body: { classId: invitation.classId, accepted: answer === 'accept', classes: classList(s, p.subject) } };
    });
  }

  router.on('GET', '/api/me', async (ctx) => {
    const p = await ctx.principal();
    const who = { role: p.role, subject: p.subject, classIds: p.classIds, deviceId: p.deviceId, expiresAt: p.expiresAt };
    if (p.role === 'student') return { body: who };
    return { body: { ...who, teacher: s.accounts.get(p.subject), classes: classList(s, p.subject) } };
  });
}
