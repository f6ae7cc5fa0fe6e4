import type { Actor, Official, Quote } from "../schema";
import type { ExtractContext } from "./context";

// Placeholder until the extractor lands: finds nothing.
export function extractQuotes(body: string, ctx: ExtractContext, officials: Official[], actors: Actor[]): Quote[] {
  void body;
  void ctx;
  void officials;
  void actors;
  return [];
}
