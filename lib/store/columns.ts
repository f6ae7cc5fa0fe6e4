/**
 * The columns events and timeline entries share (tables `events` and `timeline_entries`,
 * and their exports): when, what kind, and for measures, which phase and which tariff.
 * One mapping, so the tables and the files can never name or fill them differently.
 */
import type { Event } from "../schema";

type Happening = Pick<Event, "date" | "end" | "precision" | "type" | "status" | "phase" | "tariff">;

export function happeningColumns(e: Happening) {
  return {
    date: e.date,
    date_end: e.end ?? null,
    precision: e.precision,
    type: e.type,
    status: e.status,
    phase: e.phase ?? null,
    tariff_layer: e.tariff?.layer ?? null,
    tariff_rate: e.tariff?.rate ?? null,
    tariff_target: e.tariff?.target ?? null,
  };
}

/** The ids an event or entry names, each list beside its names (export columns). */
export function namedColumns(e: Pick<Event, "actors" | "officials" | "chemicals">, name: (id: string) => string) {
  return {
    actor_ids: e.actors,
    actor_names: e.actors.map(name),
    official_ids: e.officials,
    official_names: e.officials.map(name),
    chemical_ids: e.chemicals,
    chemical_names: e.chemicals.map(name),
  };
}
