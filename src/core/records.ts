import * as v from 'valibot';

/**
 * Every record kind stored in a document, as a schema. Documents may be written by any device
 * (including an older or a buggy one), so everything read back is checked against these.
 * Dates a person picks are ISO days ('2026-11-23'); moments are epoch milliseconds.
 */
export const IsoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Moment = v.pipe(v.number(), v.finite(), v.minValue(0));
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]{4,40}$/));
/**
 * The longest text each kind of field holds, in UTF-16 code units (what `maxLength` on an input
 * counts). Every input uses these, with a message before the limit: a record over them is refused
 * by Collection.add/update, never stored to vanish on read.
 */
export const LIMITS = {
  /** Goal, project, milestone, target, group, next step and teacher names. */
  title: 200,
  /** A student's name on the roster. */
  name: 80,
  /** A project's or catalog project's question. */
  question: 1000,
  /** What one level of a learning target looks like. */
  level: 500,
  url: 2000,
  /** Notes, reflections, reasons, evidence text. */
  note: 20_000,
} as const;
const Title = v.pipe(v.string(), v.maxLength(LIMITS.title));
const Note = v.pipe(v.string(), v.maxLength(LIMITS.note));
const Question = v.pipe(v.string(), v.maxLength(LIMITS.question));
const Deleted = v.optional(v.boolean(), false);
export const Level = v.picklist([1, 2, 3, 4]);
export const LANGUAGES = ['en', 'es'] as const;
export const Language = v.picklist(LANGUAGES);
export const Actor = v.picklist(['student', 'teacher']);

// --- class document -------------------------------------------------------------------------
export const Teacher = v.object({ id: Id, name: Title, deleted: Deleted });
export const RosterStudent = v.object({
  id: Id,
  displayName: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)),
  language: v.optional(Language, 'en'),
  archived: v.optional(v.boolean(), false),
  deleted: Deleted,
});
export const LearningTarget = v.object({
  id: Id,
  title: Title,
  subject: v.optional(Title, ''),
  /** What levels 1..4 look like. */
  levels: v.optional(v.array(v.pipe(v.string(), v.maxLength(LIMITS.level))), ['', '', '', '']),
  deleted: Deleted,
});
export const CatalogProject = v.object({
  id: Id,
  title: Title,
  question: v.optional(Question, ''),
  targetIds: v.optional(v.array(Id), []),
  weeks: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(52)), 4),
  deleted: Deleted,
});
export const Group = v.object({ id: Id, name: Title, studentIds: v.optional(v.array(Id), []), deleted: Deleted });
export const ClassSettings = v.object({
  name: v.optional(Title, ''),
  cadenceDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(90)), 14),
  defaultLanguage: v.optional(Language, 'en'),
});

// --- plan document (the student and the class's teachers write) -----------------------------
export const ProfileItem = v.object({
  id: Id,
  kind: v.picklist(['interest', 'strength', 'support']),
  text: Title,
  deleted: Deleted,
});
export const PlanProfile = v.object({ language: v.optional(Language, 'en') });
export const GOAL_PATHS = ['project', 'practice', 'reading', 'group', 'own'] as const;
export const Goal = v.object({
  id: Id,
  title: Title,
  why: v.optional(Note, ''),
  horizon: v.optional(v.picklist(['long', 'weekly']), 'long'),
  targetIds: v.optional(v.array(Id), []),
  startDate: IsoDay,
  targetDate: IsoDay,
  path: v.optional(v.picklist(GOAL_PATHS), 'own'),
  pathNote: v.optional(Note, ''),
  proposedBy: v.optional(Actor, 'student'),
  createdAt: Moment,
  deleted: Deleted,
});
export const ProgressUpdate = v.object({
  id: Id,
  goalId: Id,
  at: Moment,
  value: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  note: v.optional(Note, ''),
  by: v.optional(Actor, 'student'),
  deleted: Deleted,
});
export const GOAL_STATUSES = ['proposed', 'agreed', 'achieved', 'revised', 'dropped'] as const;
/** Status changes a student (or teacher) makes in the plan; 'agreed' only counts from the coach document. */
export const StatusChange = v.object({
  id: Id,
  recordId: Id,
  status: v.picklist(GOAL_STATUSES),
  at: Moment,
  by: v.optional(Actor, 'student'),
  deleted: Deleted,
});
export const Project = v.object({
  id: Id,
  title: Title,
  question: v.optional(Question, ''),
  catalogId: v.optional(v.nullable(Id), null),
  proposedBy: v.optional(Actor, 'student'),
  createdAt: Moment,
  deleted: Deleted,
});
export const Milestone = v.object({
  id: Id,
  projectId: Id,
  title: Title,
  due: v.optional(v.nullable(IsoDay), null),
  doneAt: v.optional(v.nullable(Moment), null),
  deleted: Deleted,
});
export const Evidence = v.object({
  id: Id,
  projectId: Id,
  milestoneId: v.optional(v.nullable(Id), null),
  kind: v.picklist(['text', 'link', 'photo']),
  text: v.optional(Note, ''),
  url: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url)), ''),
  /** sha-256 hex of the stored photo blob. */
  photoHash: v.optional(v.pipe(v.string(), v.regex(/^([0-9a-f]{64})?$/)), ''),
  at: Moment,
  deleted: Deleted,
});
export const MOODS = ['great', 'good', 'okay', 'low', 'stuck'] as const;
export const Reflection = v.object({
  id: Id,
  at: Moment,
  did: v.optional(Note, ''),
  hard: v.optional(Note, ''),
  next: v.optional(Note, ''),
  mood: v.optional(v.nullable(v.picklist(MOODS)), null),
  deleted: Deleted,
});
export const SelfAssessment = v.object({
  id: Id,
  targetId: Id,
  level: Level,
  evidence: v.optional(Note, ''),
  at: Moment,
  deleted: Deleted,
});

// --- coach document (teachers write; the student and family read) ---------------------------
export const CHECKIN_KINDS = ['one-to-one', 'small-group', 'quick'] as const;
export const CheckIn = v.object({
  id: Id,
  date: IsoDay,
  at: Moment,
  kind: v.optional(v.picklist(CHECKIN_KINDS), 'one-to-one'),
  engagement: v.optional(v.nullable(Level), null),
  /** goalId -> what was said about that goal. */
  goalNotes: v.optional(v.record(Id, Note), {}),
  sharedNote: v.optional(Note, ''),
  followUp: v.optional(v.nullable(IsoDay), null),
  teacherName: v.optional(Title, ''),
  groupId: v.optional(v.nullable(Id), null),
  deleted: Deleted,
});
export const NextStep = v.object({
  id: Id,
  checkinId: Id,
  text: Title,
  owner: v.optional(Actor, 'student'),
  due: v.optional(v.nullable(IsoDay), null),
  doneAt: v.optional(v.nullable(Moment), null),
  deleted: Deleted,
});
/**
 * The teacher's answer about a goal or project. `agreed` keeps what was agreed (`title`,
 * `targetDate`), so a later change by the student shows as "changed since agreed"; `achieved`
 * confirms a goal the student said they achieved. Only teachers write the coach document, so
 * agreement can come from nowhere else.
 */
export const DECISIONS = ['agreed', 'suggested', 'achieved'] as const;
export const Decision = v.object({
  id: Id,
  recordId: Id,
  recordKind: v.picklist(['goal', 'project']),
  decision: v.picklist(DECISIONS),
  note: v.optional(Note, ''),
  /** What was agreed (goals): absent on agreements made before it was kept. */
  title: v.optional(Title),
  targetDate: v.optional(IsoDay),
  at: Moment,
  deleted: Deleted,
});

// --- staff document (teachers only) ---------------------------------------------------------
export const PrivateNote = v.object({
  id: Id,
  checkinId: Id,
  studentId: Id,
  text: v.optional(Note, ''),
  at: Moment,
  deleted: Deleted,
});

export type Teacher = v.InferOutput<typeof Teacher>;
export type RosterStudent = v.InferOutput<typeof RosterStudent>;
export type LearningTarget = v.InferOutput<typeof LearningTarget>;
export type CatalogProject = v.InferOutput<typeof CatalogProject>;
export type Group = v.InferOutput<typeof Group>;
export type ClassSettings = v.InferOutput<typeof ClassSettings>;
export type ProfileItem = v.InferOutput<typeof ProfileItem>;
export type PlanProfile = v.InferOutput<typeof PlanProfile>;
export type Goal = v.InferOutput<typeof Goal>;
export type GoalPath = (typeof GOAL_PATHS)[number];
export type ProgressUpdate = v.InferOutput<typeof ProgressUpdate>;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type StatusChange = v.InferOutput<typeof StatusChange>;
export type Project = v.InferOutput<typeof Project>;
export type Milestone = v.InferOutput<typeof Milestone>;
export type Evidence = v.InferOutput<typeof Evidence>;
export type Mood = (typeof MOODS)[number];
export type Reflection = v.InferOutput<typeof Reflection>;
export type SelfAssessment = v.InferOutput<typeof SelfAssessment>;
export type CheckIn = v.InferOutput<typeof CheckIn>;
export type CheckInKind = (typeof CHECKIN_KINDS)[number];
export type NextStep = v.InferOutput<typeof NextStep>;
export type Decision = v.InferOutput<typeof Decision>;
export type PrivateNote = v.InferOutput<typeof PrivateNote>;
export type Language = (typeof LANGUAGES)[number];
export type Level = v.InferOutput<typeof Level>;
export type Actor = v.InferOutput<typeof Actor>;
