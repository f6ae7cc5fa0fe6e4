/**
 * What every extractor receives besides the text. Extractors are pure functions of
 * (body, context): the same inputs always give the same records.
 */
import type { ActorRegistry, ChemicalRegistry, IsoDay } from "../schema";
import { splitSentences, type Sentence } from "../text/sentences";

export interface Registries {
  chemicals: ChemicalRegistry;
  actors: ActorRegistry;
}

export interface ExtractContext {
  /** Article slug, written into every record's provenance. */
  slug: string;
  /** Publication date: the reference for relative and partial dates. */
  date: IsoDay;
  sentences: readonly Sentence[];
  registries: Registries;
}

export const EMPTY_REGISTRIES: Registries = {
  chemicals: { chemicals: [] },
  actors: { organizations: [], people: [] },
};

export function makeContext(
  body: string,
  options: { slug?: string; date: IsoDay; registries?: Registries },
): ExtractContext {
  return {
    slug: options.slug ?? "inline",
    date: options.date,
    sentences: splitSentences(body),
    registries: options.registries ?? EMPTY_REGISTRIES,
  };
}
