/** The message under an input that failed a check, referenced by its `aria-describedby`. */
import type { FieldError } from '../draft.js';

/** The first error for input `id`, if any. */
export function errorFor(errors: readonly FieldError[], id: string): FieldError | undefined {
  return errors.find((e) => e.id === id);
}

/** Attributes that tie an input to its error message. */
export function invalidProps(errors: readonly FieldError[], id: string) {
  const err = errorFor(errors, id);
  return err === undefined
    ? {}
    : { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` };
}

/** The error text for input `id`, or nothing. */
export function FieldMessage({ errors, id }: { errors: readonly FieldError[]; id: string }) {
  const err = errorFor(errors, id);
  if (err === undefined) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {err.message}
    </p>
  );
}
