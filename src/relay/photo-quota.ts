import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RelayError } from '../protocol/relay-error';

/** How many photos, and how many bytes of them, the relay keeps per student and per class. */
export interface PhotoLimits {
  perStudentCount: number;
  perStudentBytes: number;
  perClassCount: number;
  perClassBytes: number;
}

interface Usage {
  count: number;
  bytes: number;
}

interface ClassUsage extends Usage {
  students: Map<string, Usage>;
}

/** Photo files are named by their sha-256; anything else in a folder (a half-written `.tmp`) is not a photo. */
const PHOTO_FILE = /^[0-9a-f]{64}$/;

/**
 * Counts what each class and student stores under `blobs/` (read from the folders once per class,
 * then kept up to date) and reserves room for a photo before it is written, so concurrent uploads
 * cannot pass the limits together.
 */
export class PhotoQuota {
  private readonly classes = new Map<string, Promise<ClassUsage>>();

  constructor(
    private readonly blobsDir: string,
    private readonly limits: PhotoLimits,
  ) {}

  private usage(classId: string): Promise<ClassUsage> {
    let usage = this.classes.get(classId);
    if (!usage) {
      usage = scanClass(join(this.blobsDir, classId));
      this.classes.set(classId, usage);
    }
    return usage;
  }

  /** Reserves room for one photo of `bytes`, or throws 507 saying which limit it reached; `release()` undoes it. */
  async reserve(classId: string, studentId: string, bytes: number): Promise<{ release(): void }> {
    const cls = await this.usage(classId);
    let student = cls.students.get(studentId);
    if (!student) cls.students.set(studentId, (student = { count: 0, bytes: 0 }));
    const l = this.limits;
    if (student.count + 1 > l.perStudentCount || student.bytes + bytes > l.perStudentBytes) {
      throw full(`This student has reached the relay's limit for photos (${l.perStudentCount} photos, ${mb(l.perStudentBytes)}).`);
    }
    if (cls.count + 1 > l.perClassCount || cls.bytes + bytes > l.perClassBytes) {
      throw full(`This class has reached the relay's limit for photos (${l.perClassCount} photos, ${mb(l.perClassBytes)}).`);
    }
    const s = student;
    for (const u of [s, cls]) {
      u.count += 1;
      u.bytes += bytes;
    }
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        for (const u of [s, cls]) {
          u.count -= 1;
          u.bytes -= bytes;
        }
      },
    };
  }
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const full = (message: string) => new RelayError(507, 'photo-quota-full', `${message} Ask the school's administrator to raise it.`);

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function scanClass(classDir: string): Promise<ClassUsage> {
  const usage: ClassUsage = { count: 0, bytes: 0, students: new Map() };
  for (const studentId of await entries(classDir)) {
    const student: Usage = { count: 0, bytes: 0 };
    for (const name of await entries(join(classDir, studentId))) {
      if (!PHOTO_FILE.test(name)) continue;
      try {
        student.bytes += (await stat(join(classDir, studentId, name))).size;
        student.count += 1;
      } catch {
        // Gone meanwhile.
      }
    }
    usage.students.set(studentId, student);
    usage.count += student.count;
    usage.bytes += student.bytes;
  }
  return usage;
}
