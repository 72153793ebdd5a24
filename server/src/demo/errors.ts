/** Failures of demo data generation and loading, with stable codes. */

export type DemoDataErrorCode =
  | "DEMO_SQL_BAD_VALUE"
  | "DEMO_SQL_BAD_ROW"
  | "DEMO_NAMES_EXHAUSTED"
  | "DEMO_DATASET_UNKNOWN"
  | "DEMO_SERVER_BAD_URL"
  | "DEMO_SERVER_UNREACHABLE"
  | "DEMO_LOAD_FAILED";

export class DemoDataError extends Error {
  constructor(
    readonly code: DemoDataErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DemoDataError";
  }
}
