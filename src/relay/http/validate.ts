import * as v from 'valibot';
import { isId } from '../../core/ids';
import { RelayError } from '../errors';

/** The body, checked against its schema, or a 400 that says which fields are wrong. */
export function parseBody<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const problems = result.issues.map((i) => `${v.getDotPath(i) ?? 'body'}: ${i.message}`).join('; ');
  throw new RelayError(400, 'invalid-body', `The request body is not what this route expects (${problems}).`);
}

/** A path or body id: the same shape as every Pathbook id. */
export function requireId(value: string | undefined, what: string): string {
  if (!isId(value)) throw new RelayError(400, 'invalid-id', `${what} is not a valid id.`);
  return value;
}

export const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]{4,40}$/, 'must be a Pathbook id'));
export const Email = v.pipe(v.string(), v.trim(), v.maxLength(200), v.regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address'));
export const Password = v.pipe(v.string(), v.minLength(8, 'must be at least 8 characters'), v.maxLength(200));
export const PersonName = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(80));
export const ClassName = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200));
export const JoinCode = v.pipe(v.string(), v.maxLength(20));
