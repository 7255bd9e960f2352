/**
 * The schema of one captures NDJSON record (docs/captures-ndjson.md), with limits: what `ingest`
 * accepts from files it did not write itself.
 */
import { z } from 'zod';
import {
  type ContactKind,
  ITEM_TYPES,
  SOFTWARE_NAMES,
  type SoftwareName,
} from '../../core/types.js';

const text = (max: number) => z.string().max(max);

/** One link occurrence. */
export const linkSchema = z.strictObject({
  url: text(4096),
  item_type: z.enum(ITEM_TYPES as [string, ...string[]]),
  anchor: text(10_000).optional(),
  alt: text(10_000).optional(),
  rel: z.array(text(64)).max(32).optional(),
  text_pre: text(1000).optional(),
  text_post: text(1000).optional(),
  semantic_location: text(64).optional(),
});

const SOFTWARE = new Set<string>(SOFTWARE_NAMES);
const CONTACT = new Set<string>(['email', 'phone', 'contact_page']);

/** A list of names from a vocabulary: names this version does not know are dropped. */
const known = <T extends string>(names: ReadonlySet<string>, max: number) =>
  z
    .array(text(64))
    .max(max)
    .transform((xs) => xs.filter((x): x is T => names.has(x)));

/**
 * Page signals: unknown keys and unknown vocabulary entries are dropped (a newer writer may
 * know more), known ones checked.
 */
export const signalsSchema = z.object({
  head_hosts: z.array(text(253)).max(50).optional(),
  software: known<SoftwareName>(SOFTWARE, 64).optional(),
  schema_types: z.array(text(128)).max(20).optional(),
  contact: known<ContactKind>(CONTACT, 8).optional(),
  favicon: z.boolean().optional(),
  text_chars: z
    .number()
    .int()
    .min(0)
    .max(2 ** 40)
    .optional(),
});

/** One capture. */
export const captureSchema = z.strictObject({
  url: text(4096),
  fetched_at: text(64),
  status: z.number().int().min(0).max(999),
  ip: text(64).optional(),
  content_type: text(256).optional(),
  redirect_location: text(4096).optional(),
  title: text(10_000).optional(),
  lang: text(32).optional(),
  encoding: text(64).optional(),
  size: z
    .number()
    .int()
    .min(0)
    .max(2 ** 40)
    .optional(),
  meta: z.record(text(256), text(10_000)).optional(),
  signals: signalsSchema.optional(),
  links: z.array(linkSchema).max(100_000),
});
