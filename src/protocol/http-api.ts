import * as v from 'valibot';
import { LANGUAGES } from '../core/records';

/**
 * The relay's HTTP API (PROTOCOL.md, "HTTP routes") as valibot schemas: what each route accepts
 * (the relay parses bodies with these) and what it answers (the device checks answers with these,
 * minimally: enough that code using them cannot crash on a missing field; unknown extra fields
 * are dropped).
 */

// --- fields of requests ---------------------------------------------------------------------
export const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]{4,40}$/, 'must be a Pathbook id'));
export const Email = v.pipe(v.string(), v.trim(), v.maxLength(200), v.regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address'));
export const Password = v.pipe(v.string(), v.minLength(8, 'must be at least 8 characters'), v.maxLength(200));
export const PersonName = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(80));
export const ClassName = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200));
/** A typed code (6 or 8 characters) or a QR link's 20-character key, with any spaces or dashes. */
export const JoinCode = v.pipe(v.string(), v.maxLength(30));
/** What a device calls itself so people recognise it ("Chrome · Android"); optional, free text. */
export const DeviceName = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80)), '');

// --- request bodies -------------------------------------------------------------------------
export const SignUpRequest = v.object({ email: Email, password: Password, name: PersonName, deviceId: Id, deviceName: DeviceName });
/** Any password up to 200 characters may be tried: the length rule is for new passwords. */
export const SignInRequest = v.object({ email: Email, password: v.pipe(v.string(), v.maxLength(200)), deviceId: Id, deviceName: DeviceName });
export const ConnectClassRequest = v.object({ classId: Id, name: ClassName });
export const AddTeacherRequest = v.object({ email: Email });
export const JoinRequest = v.object({ code: JoinCode, studentId: Id, deviceId: Id, deviceName: DeviceName });
export const NewFamilyLinkRequest = v.optional(v.object({ language: v.optional(v.picklist(LANGUAGES)) }), {});

export type SignUpRequest = v.InferInput<typeof SignUpRequest>;
export type SignInRequest = v.InferInput<typeof SignInRequest>;
export type ConnectClassRequest = v.InferInput<typeof ConnectClassRequest>;
export type JoinRequest = v.InferInput<typeof JoinRequest>;

// --- answers --------------------------------------------------------------------------------
/** Every refused request answers `{ error: code, message }` with a 4xx or 5xx status. */
export const ErrorAnswer = v.object({ error: v.string(), message: v.string() });

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

export const JoinCodeInfo = v.object({ code: Str, joinUrl: Str, qrSvg: Str, trustUrl: v.optional(Str), trustQrSvg: v.optional(Str) });

/** The same answer whether or not the address has an account (no email enumeration). */
export const CoTeacherAdded = v.object({ classId: Str, invited: v.literal(true) });

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

/** `POST /api/join` 202: a device asking to be a student who already has one waits for a teacher. */
export const JoinWaiting = v.object({
  waiting: v.literal(true),
  requestId: Str,
  requestedAt: Time,
  classId: Str,
  className: Str,
  studentId: Str,
  displayName: Str,
});

export const JoinAnswer = v.union([JoinWaiting, Joined]);

/** `GET /api/classes/:id/join-requests`: devices waiting for the teacher's approval. */
export const PendingJoin = v.object({ id: Str, studentId: Str, displayName: Str, deviceName: Str, requestedAt: Time });

export const PendingJoinList = v.object({ requests: v.array(PendingJoin) });

export const JoinDecision = v.object({ id: Str, decision: v.picklist(['approved', 'declined']) });

export const ClassDevice = v.object({
  deviceId: Str,
  studentId: Str,
  displayName: v.nullable(Str),
  deviceName: v.optional(Str, ''),
  createdAt: Time,
  lastSeenAt: Time,
  revokedAt: v.nullable(Time),
});

export const DeviceList = v.object({ devices: v.array(ClassDevice) });

/** `GET /api/me/devices`: the signed-in teacher's own devices. */
export const TeacherDevice = v.object({ deviceId: Str, deviceName: Str, createdAt: Time, lastSeenAt: Time, revokedAt: v.nullable(Time), current: v.boolean() });
export const TeacherDeviceList = v.object({ devices: v.array(TeacherDevice) });

/** `GET /api/classes/:id/teachers` */
export const ClassTeachers = v.object({
  /** The asking teacher's id. */
  you: Str,
  teachers: v.array(v.object({ id: Str, name: Str, addedAt: Time, owner: v.boolean() })),
  invitations: v.array(v.object({ id: Str, email: Str, createdAt: Time })),
});
export const TeacherRemoved = v.object({ removed: v.literal(true), closedConnections: v.number() });

/** `GET /api/invitations`: invitations to co-teach, for the signed-in teacher's email. */
export const Invitation = v.object({ id: Str, classId: Str, className: Str, invitedBy: Str, createdAt: Time });
export const InvitationList = v.object({ invitations: v.array(Invitation) });
export const InvitationAnswered = v.object({ classId: Str, accepted: v.boolean(), classes: v.array(TaughtClass) });

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
  proposals: v.optional(v.array(v.looseObject({ id: Str, title: Str })), []),
  projects: v.array(v.looseObject({ id: Str, title: Str, milestones: v.array(Loose) })),
  checkins: v.array(v.looseObject({ date: Str, note: Str })),
  nextSteps: v.array(v.looseObject({ text: Str })),
});

/** `PUT /api/classes/:id/students/:sid/blobs/:hash` */
export const PhotoStored = v.object({ hash: Str, size: v.number(), stored: v.literal(true) });

export type IssuedToken = v.InferOutput<typeof IssuedToken>;
