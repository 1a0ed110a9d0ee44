import * as Y from 'yjs';
import fc from 'fast-check';
import { GOAL_PATHS, LANGUAGES, coachDocument, planDocument, type CoachDocument, type PlanDocument } from '../../src/core';

/**
 * Three devices holding a student's plan and coach documents, driven by random commands, plus a
 * model of what each device has seen. The model answers what the merged documents must contain:
 * every record ever added, every text token ever typed, and for each plain field the writes that
 * no device had seen overwritten (one of which must be the final value: last writer wins by
 * client id, not by time).
 */
export const REPLICAS = 3;
const replica = fc.integer({ min: 0, max: REPLICAS - 1 });
const pick = fc.nat(1000);
const level = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);

export const commandArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('addGoal' as const), r: replica }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('setTitle' as const), r: replica, pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('setPath' as const), r: replica, pick, path: fc.constantFrom(...GOAL_PATHS) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('editWhy' as const), r: replica, pick, where: fc.nat(6) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('addProgress' as const), r: replica, pick, value: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeGoal' as const), r: replica, pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addReflection' as const), r: replica }) },
  // 'hard' and 'next' are never given when a reflection is added: their Y.Text comes from add().
  { weight: 3, arbitrary: fc.record({ op: fc.constant('editReflection' as const), r: replica, pick, field: fc.constantFrom('did' as const, 'hard' as const, 'next' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setLanguage' as const), r: replica, language: fc.constantFrom(...LANGUAGES) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addCheckIn' as const), r: replica, engagement: level }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('setEngagement' as const), r: replica, pick, engagement: level }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('editSharedNote' as const), r: replica, pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeCheckIn' as const), r: replica, pick }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('sync' as const), from: replica, to: replica, twoWay: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('offline' as const), r: replica, span: fc.integer({ min: 3, max: 25 }) }) },
);
export type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

/** Distinct client ids, so that which concurrent write wins is decided by the seed, not by chance. */
export const clientIdsArb = fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { minLength: REPLICAS, maxLength: REPLICAS });

export interface Replica {
  plan: PlanDocument;
  coach: CoachDocument;
  /** Plain-field writes this device has seen (its own and those synced to it). */
  seen: Set<number>;
  offlineUntil: number;
}

export interface FieldWrite {
  id: number;
  value: unknown;
  /** Writes of the same field that the writing device had seen, which this one therefore replaced. */
  replaced: Set<number>;
}

const TOKEN = /\[[a-z0-9]+\]/g;
export const tokensOf = (text: string): string[] => text.match(TOKEN) ?? [];

export class World {
  readonly replicas: Replica[];
  /** 'collection/id/field' (or 'profile//field') -> every write of that plain field. */
  readonly writes = new Map<string, FieldWrite[]>();
  /** collection -> id -> deleted. */
  readonly records = new Map<string, Map<string, boolean>>();
  /** 'collection/id/field' -> tokens typed into that Y.Text. */
  readonly tokens = new Map<string, string[]>();
  /** Token ids per text, to tell when a device typed without having seen everyone else's typing. */
  private readonly tokenIds = new Map<string, number[]>();
  /** Texts that received typing from devices that had not seen each other's typing. */
  readonly concurrentTexts = new Set<string>();
  readonly progressValues = new Map<string, number>();
  private step = 0;
  private counter = 0;

  constructor(clientIds: readonly number[]) {
    this.replicas = clientIds.map((clientID) => {
      const planDoc = new Y.Doc();
      const coachDoc = new Y.Doc();
      planDoc.clientID = clientID;
      coachDoc.clientID = clientID;
      return { plan: planDocument(planDoc), coach: coachDocument(coachDoc), seen: new Set<number>(), offlineUntil: 0 };
    });
  }

  apply(cmd: Command): void {
    this.step++;
    if (cmd.op === 'sync') return this.sync(cmd.from, cmd.to, cmd.twoWay);
    const r = this.replicas[cmd.r]!;
    const { plan, coach } = r;
    switch (cmd.op) {
      case 'offline':
        r.offlineUntil = this.step + cmd.span;
        return;
      case 'addGoal': {
        const id = this.newRecord('goals', 'goal');
        const title = this.write(r, `goals/${id}/title`, `title ${this.counter}`);
        const path = this.write(r, `goals/${id}/path`, 'own' as const);
        const why = this.type(r, `goals/${id}/why`);
        plan.goals.add({ title, path, why, startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: this.step }, id);
        return;
      }
      case 'setTitle':
        return this.onPicked(plan.goals.root, cmd.pick, (id) =>
          plan.goals.update(id, { title: this.write(r, `goals/${id}/title`, `title ${++this.counter}`) }),
        );
      case 'setPath':
        return this.onPicked(plan.goals.root, cmd.pick, (id) => plan.goals.update(id, { path: this.write(r, `goals/${id}/path`, cmd.path) }));
      case 'editWhy':
        // Insert a token at a token boundary (past the end appends): an insertion nobody deletes.
        return this.onPicked(plan.goals.root, cmd.pick, (id) => {
          const tokens = tokensOf(plan.goals.get(id)!.why);
          tokens.splice(Math.min(cmd.where, tokens.length), 0, this.type(r, `goals/${id}/why`));
          plan.goals.update(id, { why: tokens.join('') });
        });
      case 'addProgress':
        return this.onPicked(plan.goals.root, cmd.pick, (goalId) => {
          const id = this.newRecord('progress', 'prog');
          this.progressValues.set(id, cmd.value);
          plan.progress.add({ goalId, at: this.step, value: cmd.value }, id);
        });
      case 'removeGoal':
        return this.onPicked(plan.goals.root, cmd.pick, (id) => {
          this.records.get('goals')!.set(id, true);
          plan.goals.remove(id);
        });
      case 'addReflection': {
        const id = this.newRecord('reflections', 'refl');
        plan.reflections.add({ at: this.step, did: this.type(r, `reflections/${id}/did`) }, id);
        return;
      }
      case 'editReflection':
        return this.onPicked(plan.reflections.root, cmd.pick, (id) => {
          const patch: Partial<Record<typeof cmd.field, string>> = {};
          patch[cmd.field] = plan.reflections.get(id)![cmd.field] + this.type(r, `reflections/${id}/${cmd.field}`);
          plan.reflections.update(id, patch);
        });
      case 'setLanguage':
        plan.profile.write({ language: this.write(r, 'profile//language', cmd.language) });
        return;
      case 'addCheckIn': {
        const id = this.newRecord('checkins', 'chk');
        const engagement = this.write(r, `checkins/${id}/engagement`, cmd.engagement);
        coach.checkins.add({ date: '2026-10-01', at: this.step, engagement, sharedNote: this.type(r, `checkins/${id}/sharedNote`) }, id);
        return;
      }
      case 'setEngagement':
        return this.onPicked(coach.checkins.root, cmd.pick, (id) =>
          coach.checkins.update(id, { engagement: this.write(r, `checkins/${id}/engagement`, cmd.engagement) }),
        );
      case 'editSharedNote':
        return this.onPicked(coach.checkins.root, cmd.pick, (id) =>
          coach.checkins.update(id, { sharedNote: coach.checkins.get(id)!.sharedNote + this.type(r, `checkins/${id}/sharedNote`) }),
        );
      case 'removeCheckIn':
        return this.onPicked(coach.checkins.root, cmd.pick, (id) => {
          this.records.get('checkins')!.set(id, true);
          coach.checkins.remove(id);
        });
    }
  }

  /** Sends what `to` is missing from `from` (state vector, then diff), as the relay protocol does. */
  sync(from: number, to: number, twoWay: boolean, ignoreOffline = false): void {
    const a = this.replicas[from]!;
    const b = this.replicas[to]!;
    if (from === to) return;
    if (!ignoreOffline && (a.offlineUntil > this.step || b.offlineUntil > this.step)) return;
    for (const key of ['plan', 'coach'] as const) {
      const source = a[key].doc;
      const target = b[key].doc;
      Y.applyUpdate(target, Y.encodeStateAsUpdate(source, Y.encodeStateVector(target)), 'remote');
    }
    for (const id of a.seen) b.seen.add(id);
    if (twoWay) this.sync(to, from, false, ignoreOffline);
  }

  /** Everyone back online; everything reaches everyone. */
  syncAll(): void {
    for (let i = 1; i < REPLICAS; i++) this.sync(i, 0, false, true);
    for (let i = 1; i < REPLICAS; i++) this.sync(0, i, false, true);
  }

  /** The values a plain field may end with: writes no device saw replaced. */
  survivors(key: string): unknown[] {
    const all = this.writes.get(key) ?? [];
    const replaced = new Set(all.flatMap((w) => [...w.replaced]));
    return all.filter((w) => !replaced.has(w.id)).map((w) => w.value);
  }

  private write<T>(r: Replica, key: string, value: T): T {
    const history = this.writes.get(key) ?? [];
    const write: FieldWrite = { id: ++this.counter, value, replaced: new Set(history.filter((w) => r.seen.has(w.id)).map((w) => w.id)) };
    this.writes.set(key, [...history, write]);
    r.seen.add(write.id);
    return value;
  }

  private type(r: Replica, key: string): string {
    const id = ++this.counter;
    const earlier = this.tokenIds.get(key) ?? [];
    if (earlier.some((e) => !r.seen.has(e))) this.concurrentTexts.add(key);
    this.tokenIds.set(key, [...earlier, id]);
    r.seen.add(id);
    const token = `[k${id}]`;
    this.tokens.set(key, [...(this.tokens.get(key) ?? []), token]);
    return token;
  }

  private newRecord(collection: string, prefix: string): string {
    const id = `${prefix}${++this.counter}`;
    if (!this.records.has(collection)) this.records.set(collection, new Map());
    this.records.get(collection)!.set(id, false);
    return id;
  }

  /** Runs an edit on one of the records this device holds (deleted ones included), if it holds any. */
  private onPicked(root: { keys(): IterableIterator<string> }, index: number, edit: (id: string) => unknown): void {
    const ids = [...root.keys()].sort();
    if (ids.length) edit(ids[index % ids.length]!);
  }
}
