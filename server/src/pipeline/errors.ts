/** Codes a run of the pipeline itself can end with (besides the engine's, the sandbox's and the model's). */
export const pipelineErrorCodes = {
  NO_DATA_SOURCES: "There is no data source to ask.",
  SEMANTIC_MODEL_MISSING: "The data source has no semantic model yet.",
  RUN_ABANDONED: "The server answering the question stopped before it finished.",
  LIMIT_TOO_LARGE: "The question asks for more rows than an answer holds (MAX_RESULT_ROWS); refused before any SQL runs.",
} as const;
