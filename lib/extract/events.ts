import type { Actor, Chemical, DateMention, Event, Official, Quote, Statistic } from "../schema";
import type { ExtractContext } from "./context";

export interface FoundRecords {
  chemicals: Chemical[];
  dates: DateMention[];
  actors: Actor[];
  officials: Official[];
  statistics: Statistic[];
  quotes: Quote[];
}

// Placeholder until the event builder lands.
export function buildEvents(ctx: ExtractContext, found: FoundRecords): Event[] {
  void ctx;
  void found;
  return [];
}
