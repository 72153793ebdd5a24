import { SqlSandboxError } from "../errors.ts";

/**
 * Byte caps on one result, enforced while it streams (see read-only-session.ts):
 * a row larger than `maxRowBytes` is refused by the database before it is sent,
 * a value larger than `maxValueBytes` as it arrives, and once `maxBytes` is
 * spent rows stop being kept (the result is truncated, like at `maxRows`) or,
 * with `overBytes: "fail"`, the run fails. The database also stops the cursor
 * once twice `maxBytes` was sent (see size-check.ts), so one large FETCH
 * cannot overrun memory either.
 */
export interface ResultCaps {
  maxRows: number;
  maxBytes: number;
  maxRowBytes: number;
  maxValueBytes: number;
  overBytes: "truncate" | "fail";
}

/** Rows one FETCH asks for at most. */
export const maxFetchRows = 2000;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [unit, size] = bytes < 1024 ** 2 ? ["KiB", bytes / 1024] : bytes < 1024 ** 3 ? ["MiB", bytes / 1024 ** 2] : ["GiB", bytes / 1024 ** 3];
  return `${Number.isInteger(size) ? size : size.toFixed(1)} ${unit}`;
}

export function valueTooLarge(column: string, rowNumber: number, size: number, maxValueBytes: number): SqlSandboxError {
  return new SqlSandboxError(
    "RESULT_TOO_LARGE",
    `The value of column "${column}" in row ${rowNumber} is ${formatBytes(size)}; the limit is ${formatBytes(maxValueBytes)} per value.`,
    { details: { name: column, limit: maxValueBytes, size } },
  );
}

export function resultTooLarge(maxBytes: number): SqlSandboxError {
  return new SqlSandboxError("RESULT_TOO_LARGE", `The result is larger than ${formatBytes(maxBytes)}, the limit for one result.`, {
    details: { limit: maxBytes },
  });
}

/**
 * Counts a result as its rows arrive and decides what is kept. FETCHes are
 * sized from the largest row seen so far, to end near the byte budget; the
 * first one asks for no more rows than fit under the database's total cap if
 * each were as large as the row cap allows, so it is never refused for size.
 */
export class ResultBudget {
  readonly #caps: ResultCaps;
  #rows = 0;
  #bytes = 0;
  #largestRow = 0;
  #full = false;

  constructor(caps: ResultCaps) {
    this.#caps = { ...caps, maxRowBytes: Math.min(caps.maxRowBytes, caps.maxBytes) };
  }

  get caps(): ResultCaps {
    return this.#caps;
  }

  /** Bytes the database sends at most before it stops the cursor (withSizeChecks). */
  get totalCap(): number {
    return 2 * this.#caps.maxBytes;
  }

  /** Rows kept so far. */
  get rows(): number {
    return this.#rows;
  }

  /** True once a row was refused for the row or byte cap: the result is truncated. */
  get full(): boolean {
    return this.#full;
  }

  /** How many rows to FETCH next (one more than the row cap, to know whether more existed). */
  nextFetch(): number {
    const rowsLeft = this.#caps.maxRows + 1 - this.#rows;
    const fitting =
      this.#largestRow === 0
        ? Math.floor(this.totalCap / this.#caps.maxRowBytes)
        : Math.floor((this.#caps.maxBytes - this.#bytes) / this.#largestRow) + 1;
    return Math.max(1, Math.min(maxFetchRows, rowsLeft, fitting));
  }

  /**
   * Takes one row: true when it is kept, false when the result is full (this
   * row and any later ones are dropped). Throws RESULT_TOO_LARGE for a value
   * over the value cap, naming its column, and for a row over the byte budget
   * when the caps say to fail then.
   */
  admit(row: readonly (string | null)[], columnName: (index: number) => string): boolean {
    if (this.#full) return false;
    let bytes = 0;
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (value === null || value === undefined) {
        bytes += 1;
        continue;
      }
      // UTF-8 takes at most 3 bytes per UTF-16 unit: only long values need counting.
      const size = value.length * 3 <= this.#caps.maxValueBytes ? value.length : Buffer.byteLength(value);
      if (size > this.#caps.maxValueBytes) throw valueTooLarge(columnName(i), this.#rows + 1, size, this.#caps.maxValueBytes);
      bytes += size;
    }
    this.#largestRow = Math.max(this.#largestRow, bytes);
    if (this.#rows < this.#caps.maxRows && this.#bytes + bytes > this.#caps.maxBytes) this.cut();
    if (this.#rows >= this.#caps.maxRows) this.#full = true;
    if (this.#full) return false;
    this.#rows += 1;
    this.#bytes += bytes;
    return true;
  }

  /**
   * The byte budget is spent (here, or the database stopped the cursor at its
   * total cap): truncated, or RESULT_TOO_LARGE when the caps say to fail or
   * nothing could be kept.
   */
  cut(): void {
    if (this.#caps.overBytes === "fail" || this.#rows === 0) throw resultTooLarge(this.#caps.maxBytes);
    this.#full = true;
  }
}
