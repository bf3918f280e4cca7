import { BlockList, isIP } from 'node:net'

/**
 * Addresses a webhook may not reach unless the install allows private targets: this machine, its
 * network, link-local (cloud metadata at 169.254.169.254), and the ranges reserved for special use.
 * Node's BlockList also matches IPv4-mapped IPv6 (`::ffff:127.0.0.1`) against the IPv4 ranges.
 */
const notPublic = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ['64:ff9b::', 96], // NAT64: an IPv4 address inside, possibly a private one
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32], // Teredo
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4: an IPv4 address inside
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6')
}

/**
 * True unless `address` (an IPv4 or IPv6 literal, brackets allowed) is a public unicast address.
 * Anything that is not an IP address counts as not public.
 *
 * @example
 * isNonPublicAddress('169.254.169.254') // true
 * isNonPublicAddress('[::ffff:127.0.0.1]') // true
 * isNonPublicAddress('93.184.215.14') // false
 */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address
  const family = isIP(bare)
  if (family === 0) return true
  return notPublic.check(bare, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * True when a webhook URL names a non-public target without a DNS look-up: an IP literal in any
 * form the URL parser accepts (decimal `2130706433`, octal `0177.0.0.1`, `[::1]`, `0`) or a
 * `localhost` name. Other host names are checked at send time, against the addresses they resolve to.
 *
 * @example
 * namesNonPublicTarget('http://169.254.169.254/latest/meta-data') // true
 * namesNonPublicTarget('https://hooks.example.com/cx') // false
 */
export function namesNonPublicTarget(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const bare = host.startsWith('[') ? host.slice(1, -1) : host
  return isIP(bare) !== 0 && isNonPublicAddress(bare)
}
