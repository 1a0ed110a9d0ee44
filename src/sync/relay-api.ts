import type * as v from 'valibot';
import type { Language } from '../core';
import type { FamilyView } from '../protocol/family-view';
import * as S from '../protocol/http-api';
import { relayBytes, relayCall } from './relay-http';

/**
 * Typed calls to the relay's HTTP API (src/relay/README.md). Every function takes the relay's base
 * URL (`http(s)://host:port`) and rejects with a RelayError (see relay-error.ts) on any failure.
 */

export type IssuedToken = v.InferOutput<typeof S.IssuedToken>;
export type TeacherSession = v.InferOutput<typeof S.TeacherSession>;
export type TaughtClass = v.InferOutput<typeof S.TaughtClass>;
export type Health = v.InferOutput<typeof S.Health>;
export type Me = v.InferOutput<typeof S.Me>;
export type ConnectedClass = v.InferOutput<typeof S.ConnectedClass>;
export type JoinCodeInfo = v.InferOutput<typeof S.JoinCodeInfo>;
export type JoinLookup = v.InferOutput<typeof S.JoinLookup>;
export type Joined = v.InferOutput<typeof S.Joined>;
export type JoinWaiting = v.InferOutput<typeof S.JoinWaiting>;
export type JoinAnswer = v.InferOutput<typeof S.JoinAnswer>;
export type PendingJoin = v.InferOutput<typeof S.PendingJoin>;
export type TeacherDevice = v.InferOutput<typeof S.TeacherDevice>;
export type ClassTeachers = v.InferOutput<typeof S.ClassTeachers>;
export type Invitation = v.InferOutput<typeof S.Invitation>;
export type InvitationAnswered = v.InferOutput<typeof S.InvitationAnswered>;
export type ClassDevice = v.InferOutput<typeof S.ClassDevice>;
export type NewFamilyLink = v.InferOutput<typeof S.NewFamilyLink>;
export type FamilyLinkInfo = v.InferOutput<typeof S.FamilyLinkInfo>;
export type PhotoStored = v.InferOutput<typeof S.PhotoStored>;
/** The family page; the arrays were checked for their key fields, the rest is as the relay builds it. */
export type FamilyPage = FamilyView & { student: { id: string; displayName: string }; className: string; language: string };

const seg = encodeURIComponent;

export function health(relayUrl: string): Promise<Health> {
  return relayCall(relayUrl, '/api/health', S.Health);
}

export function signUp(relayUrl: string, body: { email: string; password: string; name: string; deviceId: string; deviceName?: string }): Promise<TeacherSession> {
  return relayCall(relayUrl, '/api/auth/signup', S.TeacherSession, { method: 'POST', body });
}

export function signIn(relayUrl: string, body: { email: string; password: string; deviceId: string; deviceName?: string }): Promise<TeacherSession> {
  return relayCall(relayUrl, '/api/auth/signin', S.TeacherSession, { method: 'POST', body });
}

/** A fresh token for a valid one (refused with `token-expired` once it has expired). */
export function renewToken(relayUrl: string, token: string): Promise<IssuedToken> {
  return relayCall(relayUrl, '/api/token/renew', S.IssuedToken, { method: 'POST', token });
}

export function me(relayUrl: string, token: string): Promise<Me> {
  return relayCall(relayUrl, '/api/me', S.Me, { token });
}

export async function listClasses(relayUrl: string, token: string): Promise<TaughtClass[]> {
  return (await relayCall(relayUrl, '/api/classes', S.ClassList, { token })).classes;
}

/** Connects a class made offline on this device (the same call again is harmless: `created` false). */
export function connectClass(relayUrl: string, token: string, body: { classId: string; name: string }): Promise<ConnectedClass> {
  return relayCall(relayUrl, '/api/classes', S.ConnectedClass, { method: 'POST', token, body });
}

export function joinCode(relayUrl: string, token: string, classId: string): Promise<JoinCodeInfo> {
  return relayCall(relayUrl, `/api/classes/${seg(classId)}/join-code`, S.JoinCodeInfo, { token });
}

/** Invites a co-teacher by email (the answer is the same whether or not the address has an account). */
export function addCoTeacher(relayUrl: string, token: string, classId: string, email: string): Promise<v.InferOutput<typeof S.CoTeacherAdded>> {
  return relayCall(relayUrl, `/api/classes/${seg(classId)}/teachers`, S.CoTeacherAdded, { method: 'POST', token, body: { email } });
}

/** The class and roster behind a join code (`unknown-code`, or 429 after too many tries). */
export function lookUpJoinCode(relayUrl: string, code: string, deviceId: string): Promise<JoinLookup> {
  return relayCall(relayUrl, `/api/join/${seg(code)}?deviceId=${seg(deviceId)}`, S.JoinLookup);
}

/**
 * Joins as a roster name. The first device to claim a name gets a token; a later one gets
 * `{ waiting: true }` until a teacher approves it (call again with the same body to ask).
 */
export function joinClass(relayUrl: string, body: { code: string; studentId: string; deviceId: string; deviceName?: string }): Promise<JoinAnswer> {
  return relayCall(relayUrl, '/api/join', S.JoinAnswer, { method: 'POST', body });
}

/** Devices waiting to become a student who already has a device (teachers of the class). */
export async function listJoinRequests(relayUrl: string, token: string, classId: string): Promise<PendingJoin[]> {
  return (await relayCall(relayUrl, `/api/classes/${seg(classId)}/join-requests`, S.PendingJoinList, { token })).requests;
}

export function decideJoinRequest(relayUrl: string, token: string, classId: string, requestId: string, decision: 'approve' | 'decline'): Promise<v.InferOutput<typeof S.JoinDecision>> {
  return relayCall(relayUrl, `/api/classes/${seg(classId)}/join-requests/${seg(requestId)}/${decision}`, S.JoinDecision, { method: 'POST', token });
}

export async function listDevices(relayUrl: string, token: string, classId: string): Promise<ClassDevice[]> {
  return (await relayCall(relayUrl, `/api/classes/${seg(classId)}/devices`, S.DeviceList, { token })).devices;
}

export function revokeDevice(relayUrl: string, token: string, classId: string, deviceId: string): Promise<{ revoked: number; closedConnections: number }> {
  return relayCall(relayUrl, `/api/classes/${seg(classId)}/devices/${seg(deviceId)}/revoke`, S.Revoked, { method: 'POST', token });
}

/** The signed-in teacher's own devices (name, last seen); any can be signed out for good. */
export async function listMyDevices(relayUrl: string, token: string): Promise<TeacherDevice[]> {
  return (await relayCall(relayUrl, '/api/me/devices', S.TeacherDeviceList, { token })).devices;
}

export function revokeMyDevice(relayUrl: string, token: string, deviceId: string): Promise<{ revoked: number; closedConnections: number }> {
  return relayCall(relayUrl, `/api/me/devices/${seg(deviceId)}/revoke`, S.Revoked, { method: 'POST', token });
}

export function classTeachers(relayUrl: string, token: string, classId: string): Promise<ClassTeachers> {
  return relayCall(relayUrl, `/api/classes/${seg(classId)}/teachers`, S.ClassTeachers, { token });
}

export function removeTeacher(relayUrl: string, token: string, classId: string, teacherId: string): Promise<v.InferOutput<typeof S.TeacherRemoved>> {
  return relayCall(relayUrl, `/api/classes/${seg(classId)}/teachers/${seg(teacherId)}`, S.TeacherRemoved, { method: 'DELETE', token });
}

export async function listInvitations(relayUrl: string, token: string): Promise<Invitation[]> {
  return (await relayCall(relayUrl, '/api/invitations', S.InvitationList, { token })).invitations;
}

export function answerInvitation(relayUrl: string, token: string, invitationId: string, answer: 'accept' | 'decline'): Promise<v.InferOutput<typeof S.InvitationAnswered>> {
  return relayCall(relayUrl, `/api/invitations/${seg(invitationId)}/${answer}`, S.InvitationAnswered, { method: 'POST', token });
}

function familyLinksPath(classId: string, studentId: string): string {
  return `/api/classes/${seg(classId)}/students/${seg(studentId)}/family-links`;
}

export function createFamilyLink(relayUrl: string, token: string, classId: string, studentId: string, language?: Language): Promise<NewFamilyLink> {
  return relayCall(relayUrl, familyLinksPath(classId, studentId), S.NewFamilyLink, { method: 'POST', token, body: language ? { language } : {} });
}

export async function listFamilyLinks(relayUrl: string, token: string, classId: string, studentId: string): Promise<FamilyLinkInfo[]> {
  return (await relayCall(relayUrl, familyLinksPath(classId, studentId), S.FamilyLinkList, { token })).links;
}

export async function revokeFamilyLink(relayUrl: string, token: string, classId: string, studentId: string, linkId: string): Promise<void> {
  await relayCall(relayUrl, `${familyLinksPath(classId, studentId)}/${seg(linkId)}`, S.FamilyLinkRevoked, { method: 'DELETE', token });
}

/** What a family link shows (no account: the link's token is in the URL). */
export async function familyPage(relayUrl: string, familyToken: string): Promise<FamilyPage> {
  return (await relayCall(relayUrl, `/api/family/${seg(familyToken)}`, S.FamilyPage)) as unknown as FamilyPage;
}

function photoPath(classId: string, studentId: string, hash: string): string {
  return `/api/classes/${seg(classId)}/students/${seg(studentId)}/blobs/${seg(hash)}`;
}

/** Stores a photo of evidence under the sha-256 of its bytes (the same photo again is harmless). */
export function putPhoto(relayUrl: string, token: string, classId: string, studentId: string, hash: string, photo: Blob): Promise<PhotoStored> {
  return relayCall(relayUrl, photoPath(classId, studentId, hash), S.PhotoStored, { method: 'PUT', token, body: photo });
}

/** A stored photo's bytes and type (`unknown-photo` when the relay has none for this person). */
export function getPhoto(relayUrl: string, token: string, classId: string, studentId: string, hash: string): Promise<{ bytes: ArrayBuffer; type: string }> {
  return relayBytes(relayUrl, photoPath(classId, studentId, hash), { token });
}
