import type * as Y from 'yjs';
import { coachDocument, localDay, type CheckIn, type Level } from '../../core';
import { writePrivateNote } from './checkin';

export interface GroupMember {
  studentId: string;
  coach: Y.Doc;
}

/**
 * A small-group check-in is one check-in per student (each in that student's own coach document,
 * so each student and family sees only their own), written together as the teacher types.
 */
export class GroupCheckIn {
  /** studentId -> the check-in id in that student's coach document, once something was typed. */
  private readonly ids = new Map<string, string>();
  private readonly stepIds = new Map<string, string>();

  constructor(
    private readonly members: readonly GroupMember[],
    private readonly staff: Y.Doc,
    private readonly groupId: string | null,
    private readonly teacherName: string,
  ) {}

  checkinIds(): ReadonlyMap<string, string> {
    return this.ids;
  }

  private ensure(member: GroupMember): string {
    const existing = this.ids.get(member.studentId);
    if (existing) return existing;
    const id = coachDocument(member.coach).checkins.add({
      date: localDay(), at: Date.now(), kind: 'small-group', teacherName: this.teacherName, groupId: this.groupId,
    });
    this.ids.set(member.studentId, id);
    return id;
  }

  /** The same change to every student's check-in. */
  update(patch: Partial<Omit<CheckIn, 'id'>>): void {
    for (const m of this.members) coachDocument(m.coach).checkins.update(this.ensure(m), patch);
  }

  engagement(studentId: string, level: Level): void {
    const m = this.members.find((x) => x.studentId === studentId);
    if (m) coachDocument(m.coach).checkins.update(this.ensure(m), { engagement: level });
  }

  privateNote(text: string): void {
    for (const m of this.members) writePrivateNote(this.staff, this.ensure(m), m.studentId, text);
  }

  /** One next step for everyone in the group: a step in each student's coach document. */
  nextStep(text: string): void {
    for (const m of this.members) {
      const steps = coachDocument(m.coach).nextSteps;
      const stepId = this.stepIds.get(m.studentId);
      if (stepId) {
        if (text.trim()) steps.update(stepId, { text, deleted: false });
        else steps.remove(stepId);
      } else if (text.trim()) {
        this.stepIds.set(m.studentId, steps.add({ checkinId: this.ensure(m), text, owner: 'student', due: null }));
      }
    }
  }
}
