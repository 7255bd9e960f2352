/**
 * Worker-thread entry for the extraction pool: one HTTP response in, one capture out.
 */
import type { Capture } from '../../core/types.js';
import { captureFromHttp } from '../http/index.js';
import type { HttpCaptureInput } from '../types.js';

/** Piscina task: extract links and page facts from one response. */
export function extract(input: HttpCaptureInput): Capture {
  return captureFromHttp(input);
}
