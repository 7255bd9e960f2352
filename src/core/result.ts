/**
 * The result union every parser of user input returns instead of throwing.
 */

/**
 * Success with a value, or failure naming the input field at fault (`''` when the parser does
 * not know it: the caller fills it in) and a human-readable message.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; field: string; message: string };
