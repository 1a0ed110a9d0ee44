import { chmod, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, newRelay, newTeacher, tempDir } from '../helpers';

afterEach(cleanup);

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);
const DB_FILES = ['pathbook.sqlite', 'pathbook.sqlite-wal', 'pathbook.sqlite-shm'];

describe("the relay's files are its user's alone, whatever the data directory", () => {
  it('in a data directory that already exists, open to everyone, with a umask that allows it', async () => {
    const dataDir = await tempDir();
    await chmod(dataDir, 0o755);
    await mkdir(join(dataDir, 'blobs', 'someclass'), { recursive: true, mode: 0o755 });
    await chmod(join(dataDir, 'blobs'), 0o755);
    const umask = process.umask(0o022);
    try {
      const relay = await newRelay({ dataDir });
      await newTeacher(relay);
      for (const file of DB_FILES) expect(await modeOf(join(dataDir, file)), file).toBe('600');
      expect(await modeOf(join(dataDir, 'blobs'))).toBe('700');
      expect(await modeOf(join(dataDir, 'secret.key'))).toBe('600');
      await relay.close();

      // Files an older relay left readable are restricted at the next start.
      for (const file of ['pathbook.sqlite']) await chmod(join(dataDir, file), 0o644);
      const again = await newRelay({ dataDir });
      await newTeacher(again);
      for (const file of DB_FILES) expect(await modeOf(join(dataDir, file)), file).toBe('600');
    } finally {
      process.umask(umask);
    }
  });
});
