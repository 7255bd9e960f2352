/**
 * The schema of one captures NDJSON record (docs/captures-ndjson.md), with limits: what `ingest`
 * accepts from files it did not write itself.
 */
import { z } from 'zod';
import { ITEM_TYPES, SOFTWARE_NAMES } from '../../core/types.js';

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

/** Page signals: unknown keys are dropped (a newer writer may know more), known ones checked. */
export const signalsSchema = z.object({
  head_hosts: z.array(text(253)).max(50).optional(),
  software: z.array(z.enum(SOFTWARE_NAMES)).max(SOFTWARE_NAMES.length).optional(),
  schema_types: z.array(text(128)).max(20).optional(),
  contact: z
    .array(z.enum(['email', 'phone', 'contact_page']))
    .max(3)
    .optional(),
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
