import type { Metadata } from "next";
import { EventList } from "@/components/EventList";
import { plural } from "@/lib/format";
import { allEvents } from "@/lib/queries";
import { getCorpus } from "../corpus";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage() {
  const events = allEvents(await getCorpus());
  return (
    <>
      <h1>Timeline</h1>
      <p className="lede">{plural(events.length, "event")}, newest first.</p>
      <EventList events={events.slice(0, 200)} empty="No dated events were found in the articles." />
    </>
  );
}
