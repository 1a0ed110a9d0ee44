import { AddTeacherRequest as AddTeacher, ConnectClassRequest as ConnectClass } from '../../protocol/http-api';
import QRCode from 'qrcode';
import { RelayError } from '../../protocol/relay-error';
import { trustUrl } from '../trust-page';
import { closeDeviceConnections } from '../revoke-connections';
import type { RelayServices } from '../services';
import { requireTeacher } from './auth-routes';
import type { Router } from './router';
import { parseBody, requireId } from './validate';

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
    const { record, created } = s.classes.connect(p.subject, body.classId, body.name);
    return { status: created ? 201 : 200, body: { classId: record.id, name: record.name, joinCode: record.joinCode, created } };
  });

  router.on('GET', '/api/classes/:id/join-code', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    const url = joinUrl(ctx.origin, record.joinCode);
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    // With the relay's own HTTPS, devices first trust the school's certificate: the page that says how.
    const trust = s.config.tlsCert ? trustUrl(ctx.origin, s.config.httpPort) : null;
    const trustQr = trust ? { trustUrl: trust, trustQrSvg: await QRCode.toString(trust, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) } : {};
    return { body: { code: record.joinCode, joinUrl: url, qrSvg, ...trustQr } };
  });

  /** Adds a co-teacher (an existing account) to a class this teacher teaches. */
  router.on('POST', '/api/classes/:id/teachers', async (ctx) => {
    const p = await requireTeacher(ctx);
    const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
    const body = parseBody(AddTeacher, await ctx.body());
    const other = s.accounts.byEmail(body.email);
    if (!other) throw new RelayError(404, 'unknown-teacher', 'No teacher account has this email: ask them to sign up first.');
    s.classes.addTeacher(record.id, other.id);
    return { body: { classId: record.id, teacher: { id: other.id, name: other.name } } };
  });

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
