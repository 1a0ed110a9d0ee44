import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { coachDocument, docName, planDocument, type DocRef } from '../../src/core';
import { GroupCheckIn } from '../../src/app/data/group-checkin';
import { ensureCheckIn, updateCheckIn, writePrivateNote } from '../../src/app/data/checkin';
import { familyReportData } from '../../src/app/report/report-data';
import { checkinRows } from '../../src/app/export/csv-rows';
import { api, cleanup, connectDoc, enrolStudent, newClass, newDevice, newRelay, newTeacher } from '../relay/helpers';

afterEach(cleanup);

const PRIVATE = ['PRIVATE-ONE worried about home', 'PRIVATE-GROUP talk to the counsellor'];

/** Text anywhere in a value: its JSON, or the raw bytes of a Yjs update (inserted text is stored as UTF-8). */
function leaks(value: unknown): string[] {
  const text = value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : JSON.stringify(value);
  return PRIVATE.filter((secret) => text.includes(secret) || text.includes(secret.slice(0, 12)));
}

/**
 * A teacher writes a one-to-one check-in and a small-group check-in through the app's own
 * functions, each with a shared and a private note, and syncs to a real relay. Then everything a
 * student or a family can receive is read back: the documents the relay lets a student open, the
 * relay's family-link JSON, the printed family report's data (and, for the school, the CSV).
 */
describe('private notes stay with teachers', () => {
  it('are in none of the documents or views a student or a family can receive', async () => {
    const relay = await newRelay();
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher, ['Ana', 'Ben']);
    const ana = cls.students[0]!;
    const ben = cls.students[1]!;
    const device = newDevice(relay);
    const open = (ref: DocRef) => device.open(docName(ref), teacher.token);
    const staff = open({ kind: 'staff', classId: cls.classId });
    const coaches = [ana, ben].map((s) => open({ kind: 'coach', classId: cls.classId, studentId: s.id }));
    const plans = [ana, ben].map((s) => open({ kind: 'plan', classId: cls.classId, studentId: s.id }));
    await Promise.all([staff, ...coaches, ...plans].map((c) => c.whenSynced()));

    planDocument(plans[0]!.doc).goals.add({ title: 'Fractions', startDate: '2026-09-01', targetDate: '2026-12-01', proposedBy: 'teacher', createdAt: 1 });
    const one = ensureCheckIn(coaches[0]!.doc, null, 'Ms Rivera');
    updateCheckIn(coaches[0]!.doc, one, { sharedNote: 'Shared: great week', engagement: 4 });
    writePrivateNote(staff.doc, one, ana.id, PRIVATE[0]!);
    const group = new GroupCheckIn(
      [{ studentId: ana.id, coach: coaches[0]!.doc }, { studentId: ben.id, coach: coaches[1]!.doc }],
      staff.doc, null, 'Ms Rivera',
    );
    group.update({ sharedNote: 'Shared: the group worked well' });
    group.privateNote(PRIVATE[1]!);
    group.nextStep('Bring the poster');
    await Promise.all([staff, ...coaches, plans[0]!].map((c) => c.whenStored()));
    device.close();
    // The notes really were written (so the checks below can fail).
    expect(leaks(Y.encodeStateAsUpdate(staff.doc))).toEqual(PRIVATE);

    for (const [i, student] of [ana, ben].entries()) {
      const enrolled = await enrolStudent(relay, cls.joinCode, student.id);
      const received: Y.Doc[] = [];
      for (const ref of [
        { kind: 'class', classId: cls.classId },
        { kind: 'plan', classId: cls.classId, studentId: student.id },
        { kind: 'coach', classId: cls.classId, studentId: student.id },
      ] as DocRef[]) {
        const conn = await connectDoc(relay, docName(ref), enrolled.token);
        expect(conn.result.kind).toBe('authenticated');
        await conn.whenSynced();
        received.push(conn.doc);
        expect(leaks(Y.encodeStateAsUpdate(conn.doc)), `${ref.kind} document of student ${i}`).toEqual([]);
        expect(leaks(conn.doc.toJSON())).toEqual([]);
      }
      // The student's coach document has the shared notes: it is the right document, just without secrets.
      expect(coachDocument(received[2]!).checkins.list().map((c) => c.sharedNote)).toContain('Shared: the group worked well');
      const staffConn = await connectDoc(relay, docName({ kind: 'staff', classId: cls.classId }), enrolled.token);
      expect(staffConn.result.kind).toBe('refused');
      expect(leaks(Y.encodeStateAsUpdate(staffConn.doc))).toEqual([]);

      const report = familyReportData(received[1]!, received[2]!, received[0]!);
      expect(report.notes.length).toBeGreaterThan(0);
      expect(leaks(report)).toEqual([]);

      const link = await api(relay, 'POST', `/api/classes/${cls.classId}/students/${student.id}/family-links`, { token: teacher.token, body: {} });
      const family = await api(relay, 'GET', `/api/family/${link.body.token}`);
      expect(family.status).toBe(200);
      expect(JSON.stringify(family.body)).toContain('Shared: the group worked well');
      expect(leaks(family.body)).toEqual([]);
    }
    // The school's CSV of check-ins leaves private notes out too.
    const rows = checkinRows(cls.classDoc, [ana, ben].map((s, i) => ({ studentId: s.id, plan: plans[i]!.doc, coach: coaches[i]!.doc })));
    expect(rows).toHaveLength(3);
    expect(leaks(rows)).toEqual([]);
  });
});
