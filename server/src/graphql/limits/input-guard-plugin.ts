import type { Plugin } from "graphql-yoga";
import { checkOperationInputs, type InputGuardOptions } from "./input-guards.ts";

/** Runs `checkOperationInputs` before every execution and subscription, HTTP and WebSocket alike. */
export function inputGuardPlugin(options: InputGuardOptions): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = checkOperationInputs(args.schema, args.document, args.variableValues as Record<string, unknown> | undefined, options);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = checkOperationInputs(args.schema, args.document, args.variableValues as Record<string, unknown> | undefined, options);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
