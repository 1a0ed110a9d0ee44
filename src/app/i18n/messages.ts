/**
 * The message catalogs, one file per feature in ./catalogs (each with its English and Spanish
 * text side by side, so a missing translation is a type error). Words are plain on purpose:
 * teachers, children and families read these, not engineers.
 */
import * as shell from './catalogs/shell';
import * as start from './catalogs/start';
import * as setup from './catalogs/setup';
import * as classList from './catalogs/class';
import * as plan from './catalogs/plan';
import * as checkin from './catalogs/checkin';
import * as sync from './catalogs/sync';

export const en = {
  ...shell.en,
  ...start.en,
  ...setup.en,
  ...classList.en,
  ...plan.en,
  ...checkin.en,
  ...sync.en,
} as const;

export type MessageKey = keyof typeof en;

export const es: Record<MessageKey, string> = {
  ...shell.es,
  ...start.es,
  ...setup.es,
  ...classList.es,
  ...plan.es,
  ...checkin.es,
  ...sync.es,
};
