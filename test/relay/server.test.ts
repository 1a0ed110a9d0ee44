import { execFile } from 'node:child_process';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARS, optionsFromEnv, resolveConfig } from '../../src/relay/config';
import { openDatabase } from '../../src/relay/db/open';
import { api, cleanup, newRelay, newTeacher, tempDir } from './helpers';

afterEach(cleanup);

function rawGet(url: string, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((res, rej) => {
    request(url + path, (r) => {
      let body = '';
      r.on('data', (d: Buffer) => (body += d.toString()));
      r.on('end', () => res({ status: r.statusCode ?? 0, body, headers: r.headers }));
    }).on('error', rej).end();
  });
}

describe('the app', () => {
  it('says how to build it when dist/ is missing', async () => {
    const relay = await newRelay();
    const res = await rawGet(relay.url, '/');
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
  });

  it('serves the built files, index.html for app routes, and nothing outside dist', async () => {
    const dir = await tempDir();
    const dist = join(dir, 'dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Pathbook</title>');
    await writeFile(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    await writeFile(join(dir, 'outside.txt'), 'secret');
    const relay = await newRelay({ distDir: dist });
    const index = await rawGet(relay.url, '/');
    expect(index).toMatchObject({ status: 200, body: '<!doctype html><title>Pathbook</title>' });
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await rawGet(relay.url, '/assets/app-1234.js');
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await rawGet(relay.url, '/join/ABC123')).body).toContain('<title>Pathbook</title>');
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/assets/..%2f..%2foutside.txt']) {
      expect((await rawGet(relay.url, path)).body).not.toContain('secret');
    }
  });
});

describe('configuration', () => {
  it('reads every documented variable and refuses unusable values', () => {
    const options = optionsFromEnv({ PORT: '9000', HOST: '0.0.0.0', PATHBOOK_STUDENT_TOKEN_DAYS: '14', PATHBOOK_MAX_MESSAGE_BYTES: '1048576', PATHBOOK_PUBLIC_URL: 'https://x.test/' });
    expect(resolveConfig(options)).toMatchObject({ port: 9000, host: '0.0.0.0', studentTokenDays: 14, maxMessageBytes: 1048576, publicUrl: 'https://x.test' });
    expect(resolveConfig({})).toMatchObject({ port: 8080, host: '127.0.0.1', teacherTokenDays: 7, studentTokenDays: 30 });
    expect(() => optionsFromEnv({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => optionsFromEnv({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => optionsFromEnv({ PATHBOOK_MAX_MESSAGE_BYTES: '-1' })).toThrow(ConfigError);
    const limited = resolveConfig(optionsFromEnv({ PATHBOOK_LIMIT_JOIN_PER_RELAY: '6/300', PATHBOOK_PASSWORD_HASH_COST: '12' }));
    expect(limited.limits.joinPerRelay).toEqual({ max: 6, windowSeconds: 300 });
    expect(limited.limits.passwordPerAccount).toEqual({ max: 10, windowSeconds: 900 });
    expect(limited.passwordHashCost).toBe(12);
    expect(() => optionsFromEnv({ PATHBOOK_LIMIT_JOIN_PER_RELAY: 'lots' })).toThrow(ConfigError);
    expect(() => optionsFromEnv({ PATHBOOK_PASSWORD_HASH_COST: '4' })).toThrow(ConfigError);
  });

  it('--help lists every variable', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/relay/main.ts', '--help'], { cwd: resolve(import.meta.dirname, '../..') });
    for (const v of ENV_VARS) expect(stdout).toContain(v.name);
    expect(stdout).toContain('PATHBOOK_LIMIT_PASSWORD_PER_ACCOUNT_DEVICE=max/seconds');
  });

  it('keeps its signing key (mode 600) across restarts, so tokens stay valid', async () => {
    const dataDir = await tempDir();
    const first = await newRelay({ dataDir });
    const teacher = await newTeacher(first);
    await first.close();
    expect((await stat(join(dataDir, 'secret.key'))).mode & 0o777).toBe(0o600);
    const second = await newRelay({ dataDir });
    expect((await api(second, 'GET', '/api/me', { token: teacher.token })).body.subject).toBe(teacher.id);
  });

  it('migrates once, and refuses a database from a newer relay', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'test.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }, { version: 2 }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)').run();
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer relay/);
  });
});
