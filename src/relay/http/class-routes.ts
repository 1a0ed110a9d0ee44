import { AddTeacherRequest as AddTeacher, ConnectClassRequest as ConnectClass } from '../../protocol/http-api';
import QRCode from 'qrcode';
import { RelayError } from '../../protocol/relay-error';
import { trustUrl } from '../trust-page';
import { closeDeviceConnections, closeTeacherClassConnections } from '../revoke-connections';
import { docName } from '../../core/doc-names';
import { classIdMadeOn, isBoundClassId } from '../../core/class-ids';
import { rosterOf } from '../enrolment';
import type { RelayServices } from '../services';
import { requireTeacher } from './auth-routes';
import type { Router } from './router';
import { parseBody, requireId } from './validate';

/** Enough for a school's staff; bounds what one account can make the relay store. */
const MAX_INVITATIONS_PER_CLASS = 50;

export function joinUrl(origin: string, code: string): string {
  return `${origin}/#/join/${code}`;
}

export function classRoutes(router: Router, s: RelayServices): void {
  router.on('GET', '/api/classes', async (ctx) => {
    const p = await requireTeacher(ctx);
    const classes = s.classes.forTeacher(p.subject).map((c) => ({ classId: c.id, name: c.name, joinCode: c.joinCode }));
    return { body: { classes } };
  });

  /** Connects a class made offline on the device (idempotent: the device's class id is the key). */
  router.on('POST', '/api/classes', async (ctx) => {
    const p = await requireTeacher(ctx);
    const body = parseBody(ConnectClass, await ctx.body());
    // A bound id (core/class-ids) is connected first only from the device that made it.
    if (isBoundClassId(body.classId) && !s.classes.get(body.classId) && !(await classIdMadeOn(body.classId, p.deviceId))) {
      throw new RelayError(403, 'class-not-yours', 'This class was made on another device: connect it from there.');
    }
    const { record, created } = s.classes.connect(p.subject, body.classId, body.name, s.config.classesPerTeacher);
    return { status: created ? 201 : 200, body: { classId: record.id, name: record.name, joinCode: record.joinCode, created } };
  });

  router.on('GET', '/api/classes/:id/join-code', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    // The QR link carries the class's long key, not the typed code: it cannot be guessed, so it
    // keeps working while someone floods typed codes (see enrolment.ts).
    const url = joinUrl(ctx.origin, record.joinKey ?? record.joinCode);
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    // With the relay's own HTTPS, devices first trust the school's certificate: the page that says how.
    const trust = s.config.tlsCert ? trustUrl(ctx.origin, s.config.httpPort) : null;
    const trustQr = trust ? { trustUrl: trust, trustQrSvg: await QRCode.toString(trust, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) } : {};
    return { body: { code: record.joinCode, joinUrl: url, qrSvg, ...trustQr } };
  });

  /**
   * Invites a co-teacher by email. The answer is the same whether or not the address has an
   * account (no email enumeration); they see the invitation when they sign in and accept it.
   */
  router.on('POST', '/api/classes/:id/teachers', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    const body = parseBody(AddTeacher, await ctx.body());
    if (s.invitations.forClass(record.id).length >= MAX_INVITATIONS_PER_CLASS) {
      throw new RelayError(429, 'too-many-invitations', 'This class has many open invitations: cancel some first.');
    }
    s.invitations.invite(record.id, body.email, p.subject);
    return { status: 202, body: { classId: record.id, invited: true } };
  });

  router.on('GET', '/api/classes/:id/teachers', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    return {
      body: {
        you: p.subject,
        teachers: s.classes.teachers(record.id).map((t) => ({ ...t, owner: t.id === record.ownerId })),
        invitations: s.invitations.forClass(record.id).map((i) => ({ id: i.id, email: i.email, createdAt: i.createdAt })),
      },
    };
  });

  router.on('DELETE', '/api/classes/:id/invitations/:iid', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    const invitation = s.invitations.get(requireId(ctx.params.iid, 'The invitation id'));
    if (!invitation || invitation.classId !== record.id) throw new RelayError(404, 'unknown-invitation', 'No such invitation for this class.');
    s.invitations.remove(invitation.id);
    return { body: { cancelled: true } };
  });

  /** The class's owner removes a co-teacher; a co-teacher may leave. Their open documents of the class close. */
  router.on('DELETE', '/api/classes/:id/teachers/:tid', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    const teacherId = requireId(ctx.params.tid, 'The teacher id');
    if (teacherId === record.ownerId) throw new RelayError(409, 'owner', 'The teacher who connected the class cannot be removed from it.');
    if (p.subject !== record.ownerId && p.subject !== teacherId) {
      throw new RelayError(403, 'owner-only', 'Only the teacher who connected the class can remove other teachers.');
    }
    if (!s.classes.removeTeacher(record.id, teacherId)) throw new RelayError(404, 'unknown-teacher', 'This teacher does not teach this class.');
    return { body: { removed: true, closedConnections: closeTeacherClassConnections(s.hocuspocus, teacherId, record.id) } };
  });

  /** Devices waiting to become a student who already has a device. */
  router.on('GET', '/api/classes/:id/join-requests', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    const classDoc = s.documents.read(docName({ kind: 'class', classId: record.id }));
    const names = new Map(rosterOf(classDoc).map((r) => [r.id, r.displayName]));
    const requests = s.requests
      .pending(record.id)
      .filter((r) => names.has(r.studentId))
      .map((r) => ({ id: r.id, studentId: r.studentId, displayName: names.get(r.studentId)!, deviceName: r.deviceName, requestedAt: r.requestedAt }));
    return { body: { requests } };
  });

  for (const decision of ['approve', 'decline'] as const) {
    router.on('POST', `/api/classes/:id/join-requests/:rid/${decision}`, async (ctx) => {
      const p = await requireTeacher(ctx);
      const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
      const request = s.requests.get(record.id, requireId(ctx.params.rid, 'The request id'));
      if (!request) throw new RelayError(404, 'unknown-request', 'No such request to join this class.');
      const settled = s.requests.settle(record.id, request.id, decision === 'approve' ? 'approved' : 'declined', p.subject);
      if (!settled) throw new RelayError(409, 'already-decided', 'This request was already answered.');
      return { body: { id: request.id, decision: decision === 'approve' ? 'approved' : 'declined' } };
    });
  }

  router.on('GET', '/api/classes/:id/devices', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    return { body: { devices: s.devices.listForClass(record.id) } };
  });

  router.on('POST', '/api/classes/:id/devices/:deviceId/revoke', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    const deviceId = requireId(ctx.params.deviceId, 'The device id');
    const known = s.devices.listForClass(record.id).some((d) => d.deviceId === deviceId);
    if (!known) throw new RelayError(404, 'unknown-device', 'No device with this id has joined this class.');
    const revoked = s.devices.revoke(record.id, deviceId);
    return { body: { revoked, closedConnections: closeDeviceConnections(s.hocuspocus, record.id, deviceId) } };
  });
}
