import type { DocRef } from '../core/doc-names';
import type { Principal } from './tokens';

export type Access = 'write' | 'read' | 'none';

/** What the database says about this person and this document's class. */
export interface AccessFacts {
  teachesClass: boolean;
  enrolledInClass: boolean;
}

/**
 * Who may open which document (denied unless a rule grants it). Teachers of the class: every
 * document of that class. A student: writes their own plan, reads their own coach document and
 * the class document; never a classmate's documents, never the staff document.
 */
export function decideAccess(ref: DocRef, who: Pick<Principal, 'role' | 'subject' | 'classIds'>, facts: AccessFacts): Access {
  if (who.role === 'teacher') return facts.teachesClass ? 'write' : 'none';
  if (!who.classIds.includes(ref.classId) || !facts.enrolledInClass) return 'none';
  switch (ref.kind) {
    case 'class':
      return 'read';
    case 'plan':
      return ref.studentId === who.subject ? 'write' : 'none';
    case 'coach':
      return ref.studentId === who.subject ? 'read' : 'none';
    case 'staff':
      return 'none';
  }
}
