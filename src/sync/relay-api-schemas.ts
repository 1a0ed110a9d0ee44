import * as v from 'valibot';

/**
 * The shapes of the relay's answers (src/relay/README.md, "HTTP API"), checked minimally: enough
 * that code using them cannot crash on a missing field. Unknown extra fields are dropped.
 */
const Str = v.string();
const Time = v.number();
const Role = v.picklist(['teacher', 'student']);

export const IssuedToken = v.object({ token: Str, expiresAt: Time });

export const Teacher = v.object({ id: Str, email: Str, name: Str });

export const TaughtClass = v.object({ classId: Str, name: Str, joinCode: Str });

export const TeacherSession = v.object({ ...IssuedToken.entries, teacher: Teacher, classes: v.array(TaughtClass) });

export const Health = v.object({ ok: v.boolean(), schema: v.object({ min: v.number(), max: v.number() }) });

export const Me = v.object({
  role: Role,
  subject: Str,
  classIds: v.array(Str),
  deviceId: Str,
  expiresAt: Time,
  teacher: v.optional(v.nullable(Teacher)),
  classes: v.optional(v.array(TaughtClass)),
});

export const ClassList = v.object({ classes: v.array(TaughtClass) });

export const ConnectedClass = v.object({ ...TaughtClass.entries, created: v.boolean() });

export const JoinCodeInfo = v.object({ code: Str, joinUrl: Str, qrSvg: Str });

export const CoTeacherAdded = v.object({ classId: Str, teacher: v.object({ id: Str, name: Str }) });

export const RosterEntry = v.object({ id: Str, displayName: Str });

export const JoinLookup = v.object({ classId: Str, className: Str, students: v.array(RosterEntry) });

export const Joined = v.object({
  ...IssuedToken.entries,
  classId: Str,
  className: Str,
  studentId: Str,
  displayName: Str,
  documents: v.array(Str),
});

export const ClassDevice = v.object({
  deviceId: Str,
  studentId: Str,
  displayName: v.nullable(Str),
  createdAt: Time,
  lastSeenAt: Time,
  revokedAt: v.nullable(Time),
});

export const DeviceList = v.object({ devices: v.array(ClassDevice) });

export const Revoked = v.object({ revoked: v.number(), closedConnections: v.number() });

export const Language = Str;

export const NewFamilyLink = v.object({ linkId: Str, token: Str, url: Str, language: Language, createdAt: Time });

export const FamilyLinkInfo = v.object({ id: Str, language: Language, createdAt: Time, revokedAt: v.nullable(Time) });

export const FamilyLinkList = v.object({ links: v.array(FamilyLinkInfo) });

export const FamilyLinkRevoked = v.object({ revoked: v.literal(true) });

const Loose = v.looseObject({});

export const FamilyPage = v.object({
  student: v.object({ id: Str, displayName: Str }),
  className: Str,
  language: Language,
  goals: v.array(v.looseObject({ id: Str, title: Str })),
  projects: v.array(v.looseObject({ id: Str, title: Str, milestones: v.array(Loose) })),
  checkins: v.array(v.looseObject({ date: Str, note: Str })),
  nextSteps: v.array(v.looseObject({ text: Str })),
});
