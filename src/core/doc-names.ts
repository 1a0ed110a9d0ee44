import { isId } from './ids';

/**
 * Documents are split along permission lines (see docs/data-model.md):
 * - class:<classId>               teachers write; the class's students read
 * - plan:<classId>:<studentId>    the student and the class's teachers write
 * - coach:<classId>:<studentId>   teachers write; that student reads
 * - staff:<classId>               teachers only (private notes)
 */
export type DocRef =
  | { kind: 'class'; classId: string }
  | { kind: 'plan'; classId: string; studentId: string }
  | { kind: 'coach'; classId: string; studentId: string }
  | { kind: 'staff'; classId: string };

export type DocKind = DocRef['kind'];

export const DOC_KINDS: readonly DocKind[] = ['class', 'plan', 'coach', 'staff'];

export function docName(ref: DocRef): string {
  switch (ref.kind) {
    case 'class':
    case 'staff':
      return `${ref.kind}:${ref.classId}`;
    case 'plan':
    case 'coach':
      return `${ref.kind}:${ref.classId}:${ref.studentId}`;
  }
}

/** Parses a document name; anything unknown or malformed is null (the relay refuses it). */
export function parseDocName(name: unknown): DocRef | null {
  if (typeof name !== 'string' || name.length > 100) return null;
  const parts = name.split(':');
  const [kind, classId, studentId] = parts;
  if (!isId(classId)) return null;
  if ((kind === 'class' || kind === 'staff') && parts.length === 2) return { kind, classId };
  if ((kind === 'plan' || kind === 'coach') && parts.length === 3 && isId(studentId)) {
    return { kind, classId, studentId };
  }
  return null;
}

/** Every document that exists for one student (beyond the class-wide ones). */
export function studentDocs(classId: string, studentId: string): DocRef[] {
  return [
    { kind: 'plan', classId, studentId },
    { kind: 'coach', classId, studentId },
  ];
}

export function classDocs(classId: string): DocRef[] {
  return [
    { kind: 'class', classId },
    { kind: 'staff', classId },
  ];
}
