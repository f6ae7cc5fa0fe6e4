import type { Actor } from "../schema";
import type { ExtractContext } from "./context";

// Placeholder until the extractor lands: finds nothing.
export function extractActors(body: string, ctx: ExtractContext): Actor[] {
  void body;
  void ctx;
  return [];
}
