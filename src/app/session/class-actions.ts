import { classDocument, newId, planDocument, type Language } from '../../core';
import { deviceId } from './device-id';
import type { DocStore } from '../../local/doc-store';
import { updateProfile } from '../../local/profiles';
import type { DeviceProfile } from '../../local/types';

export interface NewClass {
  name: string;
  cadenceDays: number;
  defaultLanguage: Language;
}

/**
 * A class made on this device, offline: its class and staff documents are created here, once. Its
 * id is bound to this device (core/class-ids), so only this device can connect it to the relay first.
 */
export async function createClass(store: DocStore, profile: DeviceProfile, fields: NewClass): Promise<string> {
  // Loaded when a class is made, not with the first visit.
  const { newClassId } = await import('../../core/class-ids');
  const classId = await newClassId(deviceId());
  const cls = classDocument(store.create({ kind: 'class', classId }).doc);
  store.create({ kind: 'staff', classId });
  cls.settings.write(fields);
  cls.teachers.add({ name: profile.displayName }, profile.id);
  await updateProfile(profile.id, { classIds: [classId, ...profile.classIds] });
  return classId;
}

/** Adds a student to the roster and creates their plan and coach documents on this device. */
export function addStudent(store: DocStore, classId: string, displayName: string, language: Language): string {
  const studentId = newId();
  const cls = classDocument(store.open({ kind: 'class', classId }).doc);
  const plan = planDocument(store.create({ kind: 'plan', classId, studentId }).doc);
  store.create({ kind: 'coach', classId, studentId });
  plan.profile.write({ language });
  cls.students.add({ displayName, language }, studentId);
  return studentId;
}
