/**
 * Runs every extractor over one article body. Order matters only where a later kind
 * uses an earlier one: statistics skip the digits of dates and chemical names,
 * officials link to actors, quotes link to officials and actors, events gather all.
 */
import type { Extraction, IsoDay } from "../schema";
import { extractChemicals } from "./chemicals";
import { makeContext, type Registries } from "./context";
import { extractDates } from "./dates";
import { buildEvents } from "./events";
import { extractActors, extractOfficials, extractQuotes } from "./people";
import { extractStatistics } from "./statistics";

export function extractAll(
  body: string,
  options: { slug: string; date: IsoDay; registries: Registries },
): Extraction {
  const ctx = makeContext(body, options);
  const chemicals = extractChemicals(body, ctx);
  const dates = extractDates(body, ctx);
  const actors = extractActors(body, ctx);
  const officials = extractOfficials(body, ctx, actors);
  const statistics = extractStatistics(body, ctx, { dates, chemicals });
  const quotes = extractQuotes(body, ctx, officials, actors);
  const events = buildEvents(ctx, { chemicals, dates, actors, officials, statistics, quotes });
  return { chemicals, dates, officials, actors, statistics, quotes, events };
}
