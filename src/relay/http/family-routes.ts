import { NewFamilyLinkRequest as NewLink } from '../../protocol/http-api';
import { docName } from '../../core/doc-names';
import { classDocument } from '../../core/ydoc/documents';
import { RelayError } from '../../protocol/relay-error';
import { familyView } from '../../protocol/family-view';
import type { RelayServices } from '../services';
import { requireTeacher } from './auth-routes';
import type { RouteContext, Router } from './router';
import { parseBody, requireId } from './validate';

/** The roster entry of a student in a class this teacher teaches, or 404. */
async function taughtStudent(ctx: RouteContext, s: RelayServices) {
  const p = await requireTeacher(ctx);
  const record = s.classes.requireTaught(requireId(ctx.params.id, 'The class id'), p.subject);
  const studentId = requireId(ctx.params.sid, 'The student id');
  const classDoc = s.documents.read(docName({ kind: 'class', classId: record.id }));
  const student = classDoc ? classDocument(classDoc).students.get(studentId) : null;
  if (!student || student.deleted) throw new RelayError(404, 'unknown-student', 'This student is not on the class list the relay has.');
  return { teacherId: p.subject, classId: record.id, student };
}

export function familyRoutes(router: Router, s: RelayServices): void {
  router.on('POST', '/api/classes/:id/students/:sid/family-links', async (ctx) => {
    const { teacherId, classId, student } = await taughtStudent(ctx, s);
    const body = parseBody(NewLink, await ctx.body());
    const language = body.language ?? student.language;
    const { link, token } = s.family.create({ classId, studentId: student.id, language, teacherId });
    return { status: 201, body: { linkId: link.id, token, url: `${ctx.origin}/#/family/${token}`, language, createdAt: link.createdAt } };
  });

  router.on('GET', '/api/classes/:id/students/:sid/family-links', async (ctx) => {
    const { classId, student } = await taughtStudent(ctx, s);
    return { body: { links: s.family.list(classId, student.id) } };
  });

  router.on('DELETE', '/api/classes/:id/students/:sid/family-links/:linkId', async (ctx) => {
    const { classId, student } = await taughtStudent(ctx, s);
    if (!s.family.revoke(classId, student.id, requireId(ctx.params.linkId, 'The link id'))) {
      throw new RelayError(404, 'unknown-link', 'No active family link with this id.');
    }
    return { body: { revoked: true } };
  });

  /** Read-only: goals, progress, projects, shared check-in notes, next steps. Never staff notes. */
  router.on('GET', '/api/family/:token', (ctx) => {
    const link = s.family.resolve(ctx.params.token!.slice(0, 100));
    if (!link) throw new RelayError(404, 'unknown-link', 'This family link is not valid any more: ask the teacher for a new one.');
    const classDoc = s.documents.read(docName({ kind: 'class', classId: link.classId }));
    const c = classDoc ? classDocument(classDoc) : null;
    const student = c?.students.get(link.studentId);
    const plan = s.documents.read(docName({ kind: 'plan', classId: link.classId, studentId: link.studentId }));
    const coach = s.documents.read(docName({ kind: 'coach', classId: link.classId, studentId: link.studentId }));
    return {
      body: {
        student: { id: link.studentId, displayName: student?.displayName ?? '' },
        className: c?.settings.read().name || (s.classes.get(link.classId)?.name ?? ''),
        language: link.language,
        ...familyView(plan, coach, classDoc),
      },
    };
  });
}
