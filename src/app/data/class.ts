import type * as Y from 'yjs';
import { classDocument, newId, planDocument, type ClassSettings, type Language, type LearningTarget, type RosterStudent } from '../../core';
import { updateProfile, type DeviceProfile, type DocStore } from '../../local';
import { deviceId } from '../session/device-id';

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

/** Every write to a class document besides creating the class and adding students (above). */
export function classActions(doc: Y.Doc) {
  const cls = classDocument(doc);
  return {
    changeSettings(patch: Partial<ClassSettings>): void {
      cls.settings.write(patch);
    },
    /** Renames, archives or moves a student to another language (the roster entry only). */
    changeStudent(studentId: string, patch: Partial<Pick<RosterStudent, 'displayName' | 'language' | 'archived'>>): void {
      cls.students.update(studentId, patch);
    },
    addTarget(fields: Pick<LearningTarget, 'title' | 'subject' | 'levels'>): string {
      return cls.targets.add(fields);
    },
    addCatalogProject(fields: { title: string; question: string; weeks: number }): string {
      return cls.catalog.add({ ...fields, targetIds: [] });
    },
    removeCatalogProject(id: string): void {
      cls.catalog.remove(id);
    },
    addGroup(name: string, studentIds: string[]): string {
      return cls.groups.add({ name, studentIds });
    },
    removeGroup(id: string): void {
      cls.groups.remove(id);
    },
  };
}
