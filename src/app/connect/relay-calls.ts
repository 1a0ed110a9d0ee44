import * as relayApi from '../../sync/relay-api';
import { isRelayError } from '../../protocol/relay-error';
import { deviceName } from '../session/device-name';

/**
 * The connect and join screens' calls, as `{ error }` or data so a screen can word any failure.
 * Thin on purpose: the typed, validated calls live in src/sync/relay-api.
 */
export interface CallError {
  code: string;
  message: string;
}
export type Result<T> = T | { error: CallError };

/** The relay serves the app, so it lives at the page's own origin. */
export function relayOrigin(): string {
  return location.origin;
}

async function attempt<T>(call: () => Promise<T>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    if (isRelayError(error)) return { error: { code: error.code, message: error.message } };
    return { error: { code: 'unknown', message: error instanceof Error ? error.message : String(error) } };
  }
}

export type ClassLookup = relayApi.JoinLookup & { code: string };

export async function lookUpClass(origin: string, code: string, deviceId: string): Promise<Result<ClassLookup>> {
  const result = await attempt(() => relayApi.lookUpJoinCode(origin, code, deviceId));
  return 'error' in result ? result : { ...result, code };
}

export function joinClass(origin: string, code: string, studentId: string, deviceId: string): Promise<Result<relayApi.JoinAnswer>> {
  return attempt(() => relayApi.joinClass(origin, { code, studentId, deviceId, deviceName: deviceName() }));
}

export function listJoinRequests(origin: string, token: string, classId: string): Promise<Result<relayApi.PendingJoin[]>> {
  return attempt(() => relayApi.listJoinRequests(origin, token, classId));
}

export function decideJoinRequest(origin: string, token: string, classId: string, requestId: string, decision: 'approve' | 'decline'): Promise<Result<unknown>> {
  return attempt(() => relayApi.decideJoinRequest(origin, token, classId, requestId, decision));
}

export function listDevices(origin: string, token: string, classId: string): Promise<Result<relayApi.ClassDevice[]>> {
  return attempt(() => relayApi.listDevices(origin, token, classId));
}

export function revokeDevice(origin: string, token: string, classId: string, deviceId: string): Promise<Result<unknown>> {
  return attempt(() => relayApi.revokeDevice(origin, token, classId, deviceId));
}

export function signIn(
  origin: string,
  mode: 'signup' | 'signin',
  fields: { name: string; email: string; password: string; deviceId: string },
): Promise<Result<relayApi.TeacherSession>> {
  const body = { ...fields, deviceName: deviceName() };
  return attempt(() => (mode === 'signup' ? relayApi.signUp(origin, body) : relayApi.signIn(origin, body)));
}

export function connectClass(origin: string, token: string, classId: string, name: string): Promise<Result<relayApi.ConnectedClass>> {
  return attempt(() => relayApi.connectClass(origin, token, { classId, name }));
}

export function fetchJoinCode(origin: string, token: string, classId: string): Promise<Result<relayApi.JoinCodeInfo>> {
  return attempt(() => relayApi.joinCode(origin, token, classId));
}

export function listMyDevices(origin: string, token: string): Promise<Result<relayApi.TeacherDevice[]>> {
  return attempt(() => relayApi.listMyDevices(origin, token));
}

export function revokeMyDevice(origin: string, token: string, deviceId: string): Promise<Result<unknown>> {
  return attempt(() => relayApi.revokeMyDevice(origin, token, deviceId));
}

export function classTeachers(origin: string, token: string, classId: string): Promise<Result<relayApi.ClassTeachers>> {
  return attempt(() => relayApi.classTeachers(origin, token, classId));
}

export function inviteTeacher(origin: string, token: string, classId: string, email: string): Promise<Result<unknown>> {
  return attempt(() => relayApi.addCoTeacher(origin, token, classId, email));
}

export function removeTeacher(origin: string, token: string, classId: string, teacherId: string): Promise<Result<unknown>> {
  return attempt(() => relayApi.removeTeacher(origin, token, classId, teacherId));
}

export function listInvitations(origin: string, token: string): Promise<Result<relayApi.Invitation[]>> {
  return attempt(() => relayApi.listInvitations(origin, token));
}

export function answerInvitation(origin: string, token: string, id: string, answer: 'accept' | 'decline'): Promise<Result<relayApi.InvitationAnswered>> {
  return attempt(() => relayApi.answerInvitation(origin, token, id, answer));
}
