import type { Chemical, DateMention, Statistic } from "../schema";
import type { ExtractContext } from "./context";

// Placeholder until the extractor lands: finds nothing.
export function extractStatistics(
  body: string,
  ctx: ExtractContext,
  found: { dates: DateMention[]; chemicals: Chemical[] },
): Statistic[] {
  void body;
  void ctx;
  void found;
  return [];
}
