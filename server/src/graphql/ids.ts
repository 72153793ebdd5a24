import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { AppError } from "../errors.ts";

/** Matches no row: used where a filter needs a user id and there is no caller. */
export const nilUuid = "00000000-0000-0000-0000-000000000000";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toGlobalId = (typename: string, id: string) => encodeGlobalID(typename, id);

/**
 * The database id inside a global id of the expected type. Garbage is an input
 * error; a well-formed id of another type is NOT_FOUND, the same answer as an
 * id that does not exist (or belongs to someone else).
 */
export function fromGlobalId(globalId: string, typename: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw new AppError("BAD_USER_INPUT", `"${globalId.slice(0, 40)}" is not a valid id.`);
  }
  if (!decoded.typename || !uuid.test(decoded.id)) {
    throw new AppError("BAD_USER_INPUT", `"${globalId.slice(0, 40)}" is not a valid id.`);
  }
  if (decoded.typename !== typename) throw new AppError("NOT_FOUND", `${typename} not found.`);
  return decoded.id;
}
