import * as v from 'valibot';
import { isId } from '../../core/ids';
import { RelayError } from '../../protocol/relay-error';

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
