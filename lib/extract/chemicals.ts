import type { Chemical } from "../schema";
import type { ExtractContext } from "./context";

// Placeholder until the extractor lands: finds nothing.
export function extractChemicals(body: string, ctx: ExtractContext): Chemical[] {
  void body;
  void ctx;
  return [];
}
