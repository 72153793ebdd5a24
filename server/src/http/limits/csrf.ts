import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import type { Plugin } from "graphql-yoga";
import { AppError } from "../../errors.ts";

/** The header browsers cannot add to a cross-site "simple" request without a CORS preflight. */
export const csrfHeader = "x-graphql-yoga-csrf";

/**
 * Yoga's CSRF prevention: a request that a browser could send cross-site
 * without a preflight (GET, or a form content type) must carry `csrfHeader`.
 * JSON POSTs (the web client, GraphiQL, most SDKs) pass as they are. Refusals
 * answer CSRF_HEADER_REQUIRED (403) like every other typed error.
 */
export function csrfPreventionPlugin(): Plugin {
  const check = useCSRFPrevention({ requestHeaders: [csrfHeader] });
  return {
    onRequestParse(payload) {
      try {
        return check.onRequestParse?.(payload);
      } catch {
        throw new AppError("CSRF_HEADER_REQUIRED", `Send \`${csrfHeader}: 1\` (or a JSON body) with this request.`, {
          hint: "Browsers cannot add this header to a cross-site request without asking first, which is the point.",
          http: { status: 403 },
        });
      }
    },
  };
}
