/**
 * The subnet of an IP address, as the domain stats count `referring_subnets`.
 */

/**
 * IPv4: the first three octets; IPv6: the first four groups of the expanded address, in
 * canonical spelling (lower case, no leading zeros), so `2001:0DB8::` and `2001:db8:0::` agree.
 */
export function subnetOf(ip: string): string {
  if (!ip.includes(':')) return ip.split('.').slice(0, 3).join('.');
  const [head = '', tail] = ip.toLowerCase().split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? h
      : [...h, ...new Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':');
}
