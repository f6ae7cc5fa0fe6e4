import type { DateMention } from "../schema";
import type { ExtractContext } from "./context";

// Placeholder until the extractor lands: finds nothing.
export function extractDates(body: string, ctx: ExtractContext): DateMention[] {
  void body;
  void ctx;
  return [];
}
