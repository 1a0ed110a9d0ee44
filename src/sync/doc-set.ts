import type * as Y from 'yjs';
import { classDocs, classDocument, docName, parseDocName, studentDocs, type DocRef } from '../core';
import { getProfile, listDocEntries } from '../local';
import type { TokenClaims } from '../protocol/token-claims';

/**
 * Which documents a profile keeps in sync: every document it already holds on this device (so
 * local changes in a document that is not on screen still go up), plus what its role needs:
 * a teacher the class and staff documents of each class (and, from each class's roster, every
 * student's plan and coach documents: see rosterDocs), a student their class, plan and coach.
 */
export async function profileDocs(profileId: string, claims: TokenClaims | null): Promise<DocRef[]> {
  const refs = new Map<string, DocRef>();
  const add = (ref: DocRef) => refs.set(docName(ref), ref);
  const [entries, profile] = await Promise.all([listDocEntries(profileId), getProfile(profileId)]);
  for (const entry of entries) {
    const ref = parseDocName(entry.name);
    if (ref) add(ref);
  }
  const role = claims?.role ?? profile?.role;
  const classIds = new Set([...(claims?.classIds ?? []), ...(profile?.classIds ?? [])]);
  if (role === 'teacher') {
    for (const entry of entries) classIds.add(entry.classId);
    for (const classId of classIds) for (const ref of classDocs(classId)) add(ref);
  } else if (role === 'student') {
    const studentId = claims?.subject ?? profile?.studentId;
    for (const classId of classIds) {
      add({ kind: 'class', classId });
      if (studentId) for (const ref of studentDocs(classId, studentId)) add(ref);
    }
  }
  return [...refs.values()];
}

/** Every roster student's plan and coach documents (archived students included: their work stays). */
export function rosterDocs(classDoc: Y.Doc, classId: string): DocRef[] {
  return classDocument(classDoc)
    .students.list()
    .flatMap((student) => studentDocs(classId, student.id));
}

/** Calls `onRoster` with rosterDocs whenever the class document's roster changes; returns the unsubscribe. */
export function watchRoster(classDoc: Y.Doc, classId: string, onRoster: (refs: DocRef[]) => void): () => void {
  const students = classDoc.getMap('students');
  const changed = () => onRoster(rosterDocs(classDoc, classId));
  students.observe(changed);
  return () => students.unobserve(changed);
}
