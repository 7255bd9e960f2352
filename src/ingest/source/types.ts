/**
 * What the ingest sources are: references to inputs (local files, http(s) URLs) and the formats
 * their bytes can be in.
 */

/** One input to ingest: a local file (with its size) or an http(s) URL. */
export type InputRef = { kind: 'file'; path: string; size: number } | { kind: 'url'; url: string };

/** What an input's bytes hold, as far as sniffing can tell. */
export type InputFormat = 'warc' | 'wat' | 'ndjson' | 'csv' | 'unknown';
