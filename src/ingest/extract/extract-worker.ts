/**
 * Worker-thread entry for the extraction pool: a group of HTTP responses in, their captures out,
 * links already serialised so the main thread neither clones nor stringifies them.
 */
import { linksJson } from '../../core/capture-json.js';
import type { StoredCapture } from '../../store/index.js';
import { captureFromHttp } from '../http/index.js';
import type { HttpCaptureInput } from '../types.js';

/** A response's capture, or why extraction failed. */
export type ExtractResult = StoredCapture | { error: string };

/** Extract one response, never throwing. */
export function extractOne(input: HttpCaptureInput): ExtractResult {
  try {
    const capture = captureFromHttp(input);
    const links = capture.links;
    return { ...capture, links: [], linksJson: linksJson(links), linkCount: links.length };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Piscina task: extract links and page facts from a group of responses, in order. */
export function extract(inputs: HttpCaptureInput[]): ExtractResult[] {
  return inputs.map(extractOne);
}
