/**
 * Strict textual IP parsing for the country lookup: dotted-quad IPv4 and RFC 4291 IPv6
 * (`::` compression, embedded IPv4 tail, optional brackets). Anything else is null.
 */

/** An IPv4 address as an unsigned 32-bit number, or null when `s` is not one. */
export function parseIpv4(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

/** An IPv6 address as a 128-bit bigint, or null when `s` is not one. */
export function parseIpv6(input: string): bigint | null {
  const s = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  if (!s.includes(':')) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] ?? '').split(':')) : [];
  const groups: number[] = [];
  const pushAll = (list: string[], allowV4Tail: boolean): boolean => {
    for (const [i, g] of list.entries()) {
      if (allowV4Tail && i === list.length - 1 && g.includes('.')) {
        const v4 = parseIpv4(g);
        if (v4 === null) return false;
        groups.push(Math.floor(v4 / 65536), v4 % 65536);
      } else {
        if (!/^[0-9a-f]{1,4}$/i.test(g)) return false;
        groups.push(Number.parseInt(g, 16));
      }
    }
    return true;
  };
  if (!pushAll(head, halves.length === 1)) return null;
  const headLen = groups.length;
  if (!pushAll(tail, true)) return null;
  const tailGroups = groups.splice(headLen);
  if (halves.length === 1) {
    if (groups.length !== 8) return null;
  } else {
    const fill = 8 - groups.length - tailGroups.length;
    if (fill < 1) return null;
    for (let i = 0; i < fill; i++) groups.push(0);
  }
  groups.push(...tailGroups);
  let n = 0n;
  for (const g of groups) n = (n << 16n) | BigInt(g);
  return n;
}
