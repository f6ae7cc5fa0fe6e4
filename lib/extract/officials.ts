import type { Actor, Official } from "../schema";
import type { ExtractContext } from "./context";

// Placeholder until the extractor lands: finds nothing.
export function extractOfficials(body: string, ctx: ExtractContext, actors: Actor[]): Official[] {
  void body;
  void ctx;
  void actors;
  return [];
}
