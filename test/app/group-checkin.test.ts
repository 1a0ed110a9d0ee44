import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { coachDocument, staffDocument } from '../../src/core';
import { GroupCheckIn } from '../../src/app/data/group-checkin';

describe('a small-group check-in', () => {
  it("records one check-in per student, each in that student's own coach document, as the teacher types", () => {
    const coaches = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const staff = new Y.Doc();
    const group = new GroupCheckIn(coaches.map((coach, i) => ({ studentId: `student${i}`, coach })), staff, 'group0001', 'Ms Rivera');
    expect(coaches.map((c) => coachDocument(c).checkins.list())).toEqual([[], [], []]);

    group.update({ sharedNote: 'We' });
    group.update({ sharedNote: 'We built the bridge' });
    group.engagement('student1', 4);
    group.nextStep('Test it with books');
    group.nextStep('Test it with 10 books');
    group.privateNote('Two of them argued');

    for (const [i, coach] of coaches.entries()) {
      const [checkin, ...more] = coachDocument(coach).checkins.list();
      expect(more).toEqual([]);
      expect(checkin).toMatchObject({ kind: 'small-group', groupId: 'group0001', sharedNote: 'We built the bridge', teacherName: 'Ms Rivera', engagement: i === 1 ? 4 : null });
      expect(coachDocument(coach).nextSteps.list().map((s) => [s.checkinId, s.text])).toEqual([[checkin!.id, 'Test it with 10 books']]);
    }
    const notes = staffDocument(staff).privateNotes.list();
    expect(notes.map((n) => n.studentId).sort()).toEqual(['student0', 'student1', 'student2']);
    expect(new Set(notes.map((n) => n.text))).toEqual(new Set(['Two of them argued']));

    group.nextStep('');
    expect(coaches.map((c) => coachDocument(c).nextSteps.list().length)).toEqual([0, 0, 0]);
  });
});
