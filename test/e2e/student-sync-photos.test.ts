import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, openApp, type Profile } from './support/browser';
import { syncStatus, teacherMakesAndConnectsClass } from './support/people';
import { serveBuiltApp, type ServedApp } from './support/serve';
import { studentNav, studentWork } from './student-actions';

interface DeviceRow { id: string; displayName: string; token: string | null; classIds: string[]; studentId: string | null }

/** The registry's profiles on a device, read straight from IndexedDB. */
function profilesOn(page: Page): Promise<DeviceRow[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('pathbook'); r.onsuccess = () => resolve(r.result); });
    const rows = await new Promise<DeviceRow[]>((resolve) => {
      const tx = db.transaction('profiles', 'readonly');
      const all = tx.objectStore('profiles').getAll();
      tx.oncomplete = () => resolve(all.result as DeviceRow[]);
    });
    db.close();
    return rows;
  });
}

function uploadedPhotos(page: Page, profileId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('pathbook'); r.onsuccess = () => resolve(r.result); });
    const rows = await new Promise<{ profileId: string; uploadedAt: number | null }[]>((resolve) => {
      const tx = db.transaction('blobs', 'readonly');
      const all = tx.objectStore('blobs').getAll();
      tx.oncomplete = () => resolve(all.result);
    });
    db.close();
    return rows.filter((r) => r.profileId === id && r.uploadedAt !== null).length;
  }, profileId);
}

function databasesOf(page: Page, profileId: string): Promise<string[]> {
  return page.evaluate(async (prefix) => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(prefix)), `pathbook:${profileId}:`);
}

/**
 * Two students who joined their class on one shared device work offline; when the device comes
 * back online their work and photos reach the relay (photos after the text), the teacher's device
 * sees both students' projects with their photos, and "remove me" then removes exactly one profile.
 */
describe('a shared student device comes online', () => {
  let app: ServedApp;
  let teacherDevice: Profile;
  let studentDevice: Profile;
  let teacher: Page;
  let student: Page;

  beforeAll(async () => {
    app = await serveBuiltApp();
    teacherDevice = await launchDevice();
    studentDevice = await launchDevice({ width: 390, height: 844 });
    teacher = await openApp(teacherDevice.context, app.url);
    student = await openApp(studentDevice.context, app.url);
  });

  afterAll(async () => {
    await teacherDevice?.close();
    await studentDevice?.close();
    await app?.dispose();
  });

  const status = syncStatus;
  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const tile = (name: string) => student.locator('.picker__tile').filter({ hasText: name });

  it('the teacher connects a class; two students join it on the same device', async () => {
    const code = await teacherMakesAndConnectsClass(teacher, { students: ['Ana Lopez', 'Mateo Chen'] });

    for (const [i, name] of ['Ana Lopez', 'Mateo Chen'].entries()) {
      if (i === 0) {
        await student.getByRole('button', { name: "I'm a student" }).click();
      } else {
        await student.getByRole('button', { name: 'Switch person' }).click();
        await student.getByRole('link', { name: 'Someone new' }).click();
        await student.getByRole('button', { name: "I'm a student" }).click();
      }
      await student.getByRole('link', { name: 'Join your class' }).click();
      await student.getByLabel('Class code').fill(code);
      await student.getByRole('button', { name: 'Next' }).click();
      await student.getByRole('button', { name: `I'm ${name}` }).click();
      await expect.poll(() => h1(student), { timeout: 20_000 }).toContain(`Hi ${name.split(' ')[0]}!`);
      await expect.poll(() => status(student), { timeout: 20_000 }).toContain('Synced');
    }
  });

  it('offline, each works in their own profile; back online the text syncs even while photos are refused, and photos follow', async () => {
    await studentDevice.context.setOffline(true);
    await student.getByRole('button', { name: 'Switch person' }).click();
    await tile('Ana Lopez').click();
    await studentWork(student, { goal: 'Swim 25 metres', project: 'Make a comic about frogs', fromCatalog: false, photoSeed: 1, journal: 'Ana drew three frogs' });
    await student.getByRole('button', { name: 'Switch person' }).click();
    await tile('Mateo Chen').click();
    await studentWork(student, { goal: 'Learn to juggle three balls', project: 'A bean plant diary', fromCatalog: false, photoSeed: 2, journal: 'Mateo planted two beans' });

    // The relay refuses photos for now: the text must sync all the same, and the photo wait.
    let photosRefused = true;
    let refusals = 0;
    await studentDevice.context.route('**/api/classes/*/students/*/blobs/*', (route) => {
      if (!photosRefused) return route.continue();
      refusals++;
      return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"busy","message":"busy"}' });
    });
    await studentDevice.context.setOffline(false);
    await expect.poll(() => status(student), { timeout: 40_000 }).toContain('Stored on the school server');
    const mateoId = (await profilesOn(student)).find((p) => p.displayName === 'Mateo Chen')!.id;
    await expect.poll(() => refusals, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await uploadedPhotos(student, mateoId)).toBe(0);
    photosRefused = false;
    // The next settled sync (here after one more journal line) sends the waiting photo.
    await studentNav(student, 'Journal');
    await student.locator('.journal-entry').first().getByRole('button', { name: 'Change' }).click();
    await student.getByLabel('What will I do next?').fill('Water them every day');
    await expect.poll(() => uploadedPhotos(student, mateoId), { timeout: 30_000 }).toBe(1);

    // Sync runs for the profile that is open: Mateo's first, then Ana's.
    for (const name of ['Mateo Chen', 'Ana Lopez']) {
      if (name === 'Ana Lopez') {
        await student.getByRole('button', { name: 'Switch person' }).click();
        await tile(name).click();
      }
      await expect.poll(() => status(student), { timeout: 40_000 }).toContain('Stored on the school server');
      const me = (await profilesOn(student)).find((p) => p.displayName === name)!;
      await expect.poll(() => uploadedPhotos(student, me.id), { timeout: 30_000 }).toBe(1);
    }
  });

  it('the teacher\'s device sees both students\' projects, and can fetch both photos', async () => {
    await teacher.goto(new URL('#/class', app.url).toString());
    for (const [name, project] of [['Ana Lopez', 'Make a comic about frogs'], ['Mateo Chen', 'A bean plant diary']] as const) {
      await teacher.goto(new URL('#/class', app.url).toString());
      await teacher.getByRole('link', { name, exact: true }).click();
      await expect.poll(() => teacher.locator('main').innerText(), { timeout: 40_000 }).toContain(project);
      await teacher.locator('details.sv-project').filter({ hasText: project }).locator('summary').click();
      // The teacher's screen shows the photo itself, downloaded from the relay and decoded.
      const photo = teacher.locator('details.sv-project').filter({ hasText: project }).locator('img.evidence-photo');
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(100);
    }
    // The photos themselves, over the relay with the teacher's own token, as the teacher's screen fetches them.
    const [teacherProfile] = await profilesOn(teacher);
    const studentProfiles = await profilesOn(student);
    const hashes = await student.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('pathbook'); r.onsuccess = () => resolve(r.result); });
      const rows = await new Promise<{ profileId: string; hash: string; size: number }[]>((resolve) => {
        const tx = db.transaction('blobs', 'readonly');
        const all = tx.objectStore('blobs').getAll();
        tx.oncomplete = () => resolve(all.result);
      });
      db.close();
      return rows.map((r) => ({ profileId: r.profileId, hash: r.hash, size: r.size }));
    });
    expect(hashes).toHaveLength(2);
    for (const h of hashes) {
      const owner = studentProfiles.find((p) => p.id === h.profileId)!;
      const got = await teacher.evaluate(async ({ path, token }) => {
        const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
        const bytes = await res.arrayBuffer();
        const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
        return { status: res.status, type: res.headers.get('content-type'), size: bytes.byteLength, digest };
      }, { path: `/api/classes/${owner.classIds[0]}/students/${owner.studentId}/blobs/${h.hash}`, token: teacherProfile!.token });
      expect(got).toEqual({ status: 200, type: 'image/jpeg', size: h.size, digest: h.hash });
    }
  });

  it('after sync, "remove me" removes exactly that profile\'s data and nothing else', async () => {
    const before = await profilesOn(student);
    const ana = before.find((p) => p.displayName === 'Ana Lopez')!;
    const mateo = before.find((p) => p.displayName === 'Mateo Chen')!;
    const mateoDatabases = await databasesOf(student, mateo.id);
    expect(mateoDatabases.length).toBeGreaterThanOrEqual(3);
    expect((await databasesOf(student, ana.id)).length).toBeGreaterThanOrEqual(3);

    await studentNav(student, 'Me');
    await student.getByRole('button', { name: 'Remove me from this device' }).click();
    await expect.poll(() => student.locator('main').innerText(), { timeout: 20_000 }).toContain('Everything is stored on the school server');
    await student.getByRole('button', { name: 'Yes, remove me' }).click();
    await expect.poll(() => h1(student), { timeout: 20_000 }).toBe('Who are you?');

    // The picker shows as soon as the profile closes; its databases are deleted right after (waiting for open handles).
    await expect.poll(async () => (await profilesOn(student)).map((p) => p.displayName), { timeout: 20_000 }).toEqual(['Mateo Chen']);
    expect(await databasesOf(student, ana.id)).toEqual([]);
    expect((await databasesOf(student, mateo.id)).sort()).toEqual(mateoDatabases.sort());
    await tile('Mateo Chen').click();
    await studentNav(student, 'Projects');
    await student.getByRole('link', { name: /A bean plant diary/ }).click();
    await expect.poll(() => student.locator('.evidence-list img').count()).toBe(1);
    await studentNav(student, 'Journal');
    await expect.poll(() => student.locator('main').innerText()).toContain('Mateo planted two beans');
  });
});
