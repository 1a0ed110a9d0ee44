/**
 * The few relay calls the connect and join screens make, as plain results ({ error } or data)
 * that a screen can show. Loaded with the screens, never in the first bundle.
 */
export interface CallError {
  code: string;
  message: string;
}
export type Result<T> = T | { error: CallError };

export interface ClassLookup {
  code: string;
  classId: string;
  className: string;
  students: { id: string; displayName: string }[];
}

export interface Joined {
  token: string;
  classId: string;
  studentId: string;
}

export interface SignedIn {
  token: string;
  teacherName: string;
}

export interface JoinCode {
  code: string;
  joinUrl: string;
  qrSvg: string;
}

/** The relay serves the app, so it lives at the page's own origin. */
export function relayOrigin(): string {
  return location.origin;
}

async function call<T>(url: string, init: RequestInit & { token?: string | null } = {}): Promise<Result<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch {
    return { error: { code: 'unreachable', message: 'The school server could not be reached.' } };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or captive portal may answer with HTML: reported below as a clear error.
  }
  if (!response.ok || body === null || typeof body !== 'object') {
    const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown };
    return {
      error: {
        code: typeof error === 'string' ? error : response.status === 404 ? 'not-found' : 'bad-answer',
        message: typeof message === 'string' ? message : `The server answered ${response.status}.`,
      },
    };
  }
  return body as T;
}

export async function lookUpClass(origin: string, code: string, deviceId: string): Promise<Result<ClassLookup>> {
  const result = await call<Omit<ClassLookup, 'code'>>(`${origin}/api/join/${encodeURIComponent(code)}?deviceId=${deviceId}`);
  if ('error' in result) return result.error.code === 'not-found' ? { error: { ...result.error, code: 'unknown-code' } } : result;
  return { ...result, code };
}

export function joinClass(origin: string, code: string, studentId: string, deviceId: string): Promise<Result<Joined>> {
  return call<Joined>(`${origin}/api/join`, { method: 'POST', body: JSON.stringify({ code, studentId, deviceId }) });
}

export async function signIn(
  origin: string,
  mode: 'signup' | 'signin',
  fields: { name: string; email: string; password: string; deviceId: string },
): Promise<Result<SignedIn>> {
  const result = await call<{ token: string; teacher: { name: string } }>(`${origin}/api/auth/${mode}`, { method: 'POST', body: JSON.stringify(fields) });
  return 'error' in result ? result : { token: result.token, teacherName: result.teacher.name };
}

export function connectClass(origin: string, token: string, classId: string, name: string): Promise<Result<{ joinCode: string }>> {
  return call(`${origin}/api/classes`, { method: 'POST', token, body: JSON.stringify({ classId, name }) });
}

export function fetchJoinCode(origin: string, token: string, classId: string): Promise<Result<JoinCode>> {
  return call(`${origin}/api/classes/${classId}/join-code`, { token });
}
