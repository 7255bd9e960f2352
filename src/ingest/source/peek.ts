/**
 * Look at the start of a byte stream without losing it: format sniffing needs the first bytes,
 * the readers need the whole stream from byte 0.
 */

/** Read chunks until at least `bytes` (or the end), then hand back a stream from byte 0. */
export async function peek(
  source: AsyncIterable<Uint8Array>,
  bytes: number,
): Promise<{ head: Uint8Array; stream: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const n = await it.next();
    if (n.done) {
      ended = true;
      break;
    }
    chunks.push(n.value);
    size += n.value.byteLength;
  }
  const head = Buffer.concat(chunks);
  async function* stream(): AsyncIterable<Uint8Array> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  return { head, stream: stream() };
}
