import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { TextLimit } from './TextLimit';

interface FieldProps {
  label: string;
  /** A decorative mark shown before the label (hidden from screen readers). */
  icon?: ComponentChildren;
  hint?: string | undefined;
  error?: string | null | undefined;
  /** A text field's value and its longest length: the control gets `maxLength`, and a message says when the end is near. */
  limit?: readonly [value: string, max: number] | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean; maxLength: number | undefined }) => ComponentChildren;
}

/** A labelled form control with its hint and error wired up for screen readers. */
export function Field({ label, icon, hint, error, limit, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const limitId = limit ? `${id}-limit` : undefined;
  const describedBy = [hintId, errorId, limitId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>
        {icon}
        {label}
      </label>
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, describedBy, invalid: Boolean(error), maxLength: limit?.[1] })}
      {limit && <TextLimit id={limitId} value={limit[0]} max={limit[1]} />}
      {error && (
        <p class="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
