/** A result as the database sent it: every value is text (or NULL), typed by OID. */
export interface RawResult {
  fields: { name: string; oid: number }[];
  rows: (string | null)[][];
}

/**
 * The two operations the read-only session needs from a driver (pg or PGlite),
 * so both executors share one session protocol and one value mapping.
 */
export interface RawConnection {
  /** Trusted, fixed SQL; may hold several statements (simple protocol). */
  batch(sql: string): Promise<void>;
  /** Exactly one statement through the extended protocol: the server refuses a second one. */
  query(sql: string, params?: readonly string[]): Promise<RawResult>;
}
