/**
 * Schema changes, applied in order and recorded in `schema_migrations`. Never edit a released
 * migration: add a new one, so every relay reaches the same schema from whatever version it has.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE documents (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE teachers (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE classes (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        join_code TEXT NOT NULL UNIQUE,
        owner_id TEXT NOT NULL REFERENCES teachers(id),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE class_teachers (
        class_id TEXT NOT NULL REFERENCES classes(id),
        teacher_id TEXT NOT NULL REFERENCES teachers(id),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (class_id, teacher_id)
      );
      CREATE INDEX class_teachers_teacher ON class_teachers(teacher_id);
      CREATE TABLE students (
        class_id TEXT NOT NULL REFERENCES classes(id),
        student_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        enrolled_at INTEGER NOT NULL,
        PRIMARY KEY (class_id, student_id)
      );
      -- One row per person signed in on a device; a shared device has a row per profile.
      -- class_id is '' for teachers (NULL would make the UNIQUE key useless).
      CREATE TABLE devices (
        device_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('teacher', 'student')),
        subject TEXT NOT NULL,
        class_id TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        revoked_at INTEGER,
        UNIQUE (device_id, role, subject, class_id)
      );
      CREATE INDEX devices_class ON devices(class_id);
      CREATE TABLE family_links (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        class_id TEXT NOT NULL REFERENCES classes(id),
        student_id TEXT NOT NULL,
        language TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX family_links_student ON family_links(class_id, student_id);
      CREATE TABLE attempts (
        key TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL
      );
    `,
  },
  {
    // Who is who (issue 9) and guessing limits (issue 8).
    version: 2,
    sql: `
      -- A name for people to recognise a device by ("Chrome on Android"), given by the device.
      ALTER TABLE devices ADD COLUMN device_name TEXT NOT NULL DEFAULT '';
      -- Why a device row was revoked: 'device' (a teacher removed the device: it may not join the
      -- class again under any name) or 'removed' (that student left the roster: a shared device
      -- keeps serving its other students and may still enrol new ones).
      ALTER TABLE devices ADD COLUMN revoke_reason TEXT;
      CREATE INDEX devices_subject ON devices(subject, class_id);
      -- The secret in a class's QR link (the typed code is short; this one cannot be guessed).
      ALTER TABLE classes ADD COLUMN join_key TEXT;
      CREATE UNIQUE INDEX classes_join_key ON classes(join_key);
      -- Set when the student left the class roster (archived or deleted): access ends.
      ALTER TABLE students ADD COLUMN removed_at INTEGER;
      -- A device asking to become a student who already has a device; the teacher decides.
      CREATE TABLE join_requests (
        id TEXT PRIMARY KEY,
        class_id TEXT NOT NULL REFERENCES classes(id),
        student_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_name TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        decision TEXT CHECK (decision IN ('approved', 'declined')),
        decided_at INTEGER,
        decided_by TEXT,
        UNIQUE (class_id, student_id, device_id)
      );
      CREATE INDEX join_requests_class ON join_requests(class_id, decision);
      -- Co-teacher invitations: nothing about the invited account is shown until it accepts.
      CREATE TABLE class_invitations (
        id TEXT PRIMARY KEY,
        class_id TEXT NOT NULL REFERENCES classes(id),
        email TEXT NOT NULL,
        invited_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (class_id, email)
      );
      CREATE INDEX class_invitations_email ON class_invitations(email);
    `,
  },
];
