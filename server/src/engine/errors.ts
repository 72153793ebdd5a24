/**
 * Every code the built-in engine ends a question with (a refusal from
 * `plan`, or an error thrown while compiling), registered by the API so each
 * reaches the client typed instead of masked as INTERNAL.
 */
export const engineErrorCodes = {
  EMPTY_QUESTION: "The question is empty.",
  QUESTION_TOO_LONG: "The question is longer than allowed.",
  SQL_NOT_ACCEPTED: "SQL was sent as a question; ask in plain language.",
  NOT_ENGLISH: "The question is not in a language the built-in engine reads.",
  NOT_UNDERSTOOD: "The question could not be related to the data.",
  INVALID_DATE: "The question names a date that is not in the calendar (a 13th month, 30 February); the message quotes it.",
  NUMBER_TOO_LARGE: "The question has a number too large to work with exactly (beyond 2^53); the message quotes it.",
  NO_JOIN_PATH: "The question combines tables that no chain of references connects; the message names them.",
  SPEC_INVALID: "The question was read into a query that cannot be built (an unknown column, entity or metric, a measure that does not apply); the message says what.",
} as const;

export type EngineErrorCode = keyof typeof engineErrorCodes;
