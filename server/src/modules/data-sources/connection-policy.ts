import { lookup } from "node:dns/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import ipaddr from "ipaddr.js";
import { SqlSandboxError } from "../../sql/errors.ts";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Where a connection is about to go: what the URL said, after parsing. */
export interface ConnectionTarget {
  /** Host name, IP address, or a Unix socket directory. */
  host: string;
  port: number;
  database: string;
}

export interface ConnectionPolicyOptions {
  /** DATA_SOURCE_ALLOWED_HOSTS: host names, IP addresses, CIDR ranges and socket directories allowed although not public. */
  allowedHosts: readonly string[];
  /** DATABASE_URL: the app's own database, never a data source. */
  appDatabaseUrl?: string;
  /** Every address a host name resolves to; the system resolver by default (tests substitute names). */
  resolve?: (host: string) => Promise<string[]>;
}

export interface ConnectionPolicy {
  /**
   * Checks a connection just before it opens and returns the address to open
   * (an IP, or the socket directory), so what was checked is what is reached.
   * `trusted` connections (set up by the server itself) skip the public-address
   * rule, never the rule against the app's own database.
   */
  check(target: ConnectionTarget, options?: { trusted?: boolean }): Promise<string>;
}

const systemResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

function normaliseName(host: string): string {
  return host.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "").toLowerCase();
}

function normaliseSocketDir(dir: string): string {
  return path.resolve(dir);
}

/** An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the IPv4 address it carries. */
function parseAddress(text: string): Address {
  return ipaddr.process(text.replace(/%.*$/, ""));
}

/** Addresses of this machine's interfaces: reaching them reaches local services, like loopback does. */
function interfaceAddresses(): Address[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => parseAddress(i.address));
}

function sameAddress(a: Address, b: Address): boolean {
  return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
}

/** Loopback, "this host" (0.0.0.0, ::) or one of this machine's own addresses. */
function isLocal(address: Address): boolean {
  const range = address.range();
  return range === "loopback" || range === "unspecified" || interfaceAddresses().some((own) => sameAddress(own, address));
}

/** Public unicast only: private, link-local, CGNAT, multicast, documentation, NAT64... are all refused. */
function isPublic(address: Address): boolean {
  return address.range() === "unicast" && !isLocal(address);
}

interface AllowList {
  names: Set<string>;
  ranges: [Address, number][];
  socketDirs: Set<string>;
}

function parseAllowList(entries: readonly string[]): AllowList {
  const list: AllowList = { names: new Set(), ranges: [], socketDirs: new Set() };
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry.startsWith("/")) list.socketDirs.add(normaliseSocketDir(entry));
    else if (ipaddr.isValidCIDR(entry)) list.ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(normaliseName(entry))) {
      const address = parseAddress(normaliseName(entry));
      list.ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else list.names.add(normaliseName(entry));
  }
  return list;
}

function inRanges(address: Address, ranges: [Address, number][]): boolean {
  return ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
}

/** The app's own database, read leniently: libpq defaults apply to what the URL leaves out. */
function appTarget(url: string): ConnectionTarget {
  const parsed = new URL(url);
  const socketDir = parsed.searchParams.get("host");
  const user = decodeURIComponent(parsed.username) || "postgres";
  return {
    host: socketDir || decodeURIComponent(parsed.hostname) || "/var/run/postgresql",
    port: Number(parsed.searchParams.get("port") ?? parsed.port) || 5432,
    database: parsed.searchParams.get("dbname") ?? (decodeURIComponent(parsed.pathname.slice(1)) || user),
  };
}

export function hostNotAllowed(host: string): SqlSandboxError {
  return new SqlSandboxError(
    "DATA_SOURCE_HOST_NOT_ALLOWED",
    `Data sources may not connect to "${host}": loopback, private and link-local addresses, and the application's own database, are refused.`,
    { details: { name: host } },
  );
}

/**
 * Which databases a data source may reach. Loopback, private, link-local and
 * other non-public addresses (and this machine's own) are refused unless an
 * administrator lists them in DATA_SOURCE_ALLOWED_HOSTS; the app's own
 * database (same server, port and database name, however spelt) always is.
 */
export function createConnectionPolicy(options: ConnectionPolicyOptions): ConnectionPolicy {
  const allow = parseAllowList(options.allowedHosts);
  const resolve = options.resolve ?? systemResolve;
  const app = options.appDatabaseUrl ? appTarget(options.appDatabaseUrl) : null;

  async function addressesOf(host: string): Promise<Address[]> {
    const name = normaliseName(host);
    const texts = net.isIP(name) ? [name] : await resolve(name);
    return texts.map(parseAddress);
  }

  /** Both ends on this machine, or sharing an address, or spelt alike. */
  async function sameServer(target: ConnectionTarget, addresses: Address[] | "socket"): Promise<boolean> {
    if (!app) return false;
    const appAddresses = app.host.startsWith("/") ? "socket" : await addressesOf(app.host).catch(() => [] as Address[]);
    const local = (a: Address[] | "socket") => a === "socket" || a.some(isLocal);
    if (local(addresses) && local(appAddresses)) return true;
    if (addresses === "socket" || appAddresses === "socket") return false;
    return normaliseName(target.host) === normaliseName(app.host) || addresses.some((a) => appAddresses.some((b) => sameAddress(a, b)));
  }

  async function isAppDatabase(target: ConnectionTarget, addresses: Address[] | "socket"): Promise<boolean> {
    if (!app || target.port !== app.port || target.database.toLowerCase() !== app.database.toLowerCase()) return false;
    return sameServer(target, addresses);
  }

  return {
    async check(target, { trusted = false } = {}) {
      if (target.host.startsWith("/")) {
        if (await isAppDatabase(target, "socket")) throw hostNotAllowed(target.host);
        if (!trusted && !allow.socketDirs.has(normaliseSocketDir(target.host))) throw hostNotAllowed(target.host);
        return target.host;
      }
      const addresses = await addressesOf(target.host);
      if (addresses.length === 0 || (await isAppDatabase(target, addresses))) throw hostNotAllowed(target.host);
      if (!trusted && !allow.names.has(normaliseName(target.host))) {
        // Every address must pass: the connection may use any of them.
        if (!addresses.every((a) => isPublic(a) || inRanges(a, allow.ranges))) throw hostNotAllowed(target.host);
      }
      return addresses[0]!.toString();
    },
  };
}
