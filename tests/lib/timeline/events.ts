/** Events as an extractor would give them, for the timeline's and the flags' tests. */
import { Event } from "../../../lib/schema";

export type EventInput = Partial<Event> & Pick<Event, "date" | "type"> & { article: string; sentenceIndex?: number };

/** An event as an extractor would give it; the precision follows from how the date is written. */
export function event({ article, sentenceIndex = 0, ...fields }: EventInput): Event {
  const precision = fields.date.length === 10 ? "day" : fields.date.length === 7 ? "month" : "year";
  const sentence = fields.sentence ?? `Something of type ${fields.type} happened on ${fields.date}.`;
  return Event.parse({
    id: `${article}#${sentenceIndex}`,
    precision,
    status: "past",
    actors: [],
    officials: [],
    chemicals: [],
    statistics: [],
    sentence,
    provenance: { article, sentence: sentenceIndex, start: sentenceIndex * 100, end: sentenceIndex * 100 + sentence.length },
    ...fields,
  });
}
