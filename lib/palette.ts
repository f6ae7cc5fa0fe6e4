/**
 * One typed palette for every chart and badge, so a chemical, a country or an event type
 * keeps its colour wherever it appears. Colours come from a colour-blind-safe set (Okabe-Ito
 * and Tableau 10 tones) and every chart also says what each colour means in words, so colour
 * is never the only cue. Pure: no React, no DOM.
 */
import type { EventPhase, EventType } from "./schema";

/** Categorical colours, in the order they are handed out. */
export const CATEGORICAL = [
  "#1f6fbf", // blue
  "#d1495b", // red
  "#e09f1f", // amber
  "#2a9d8f", // teal
  "#7b5ea7", // violet
  "#8c6d31", // brown
  "#d66ba0", // pink
  "#4f772d", // green
  "#5c6f82", // slate
  "#f28e2b", // orange
  "#17becf", // cyan
  "#9c755f", // mocha
] as const;
export type CategoricalColor = (typeof CATEGORICAL)[number];

/** Colour for "other" and "none" buckets: always the same neutral grey. */
export const OTHER_COLOR = "#8d949e";

/** Colour for "none named": lighter than "other", so the two never read as one. */
export const NONE_COLOR = "#cfd4db";

/**
 * Fixed colours for the jurisdictions the dashboard is about; a chart of countries reads
 * the same everywhere (China red, the United States blue, ...). Others are hashed.
 */
const FIXED: Readonly<Record<string, CategoricalColor>> = {
  "united-states": "#1f6fbf",
  china: "#d1495b",
  mexico: "#4f772d",
  canada: "#e09f1f",
  india: "#d66ba0",
  incb: "#8c6d31",
  eu: "#7b5ea7",
  un: "#2a9d8f",
  fentanyl: "#d1495b",
  npp: "#1f6fbf",
  "4-anpp": "#2a9d8f",
  "4-ap": "#e09f1f",
  "1-boc-4-ap": "#7b5ea7",
  norfentanyl: "#8c6d31",
  "4-piperidone": "#d66ba0",
  "1-boc-4-piperidone": "#4f772d",
  "propionyl-chloride": "#5c6f82",
};

/** FNV-1a: stable across runs and machines, so a hashed key always gets the same colour. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The colour of a category key (a registry id, or a fixed key such as "other"). */
export function colorFor(key: string): string {
  if (key === "other") return OTHER_COLOR;
  if (key === "none") return NONE_COLOR;
  return FIXED[key] ?? CATEGORICAL[hash(key) % CATEGORICAL.length];
}

/** Event types: one colour each, used by the timeline badges and charts. */
export const EVENT_TYPE_COLORS: Readonly<Record<EventType, string>> = {
  control: "#1f6fbf",
  tariff: "#e09f1f",
  sanction: "#b5651d",
  seizure: "#d1495b",
  arrest: "#7b5ea7",
  prosecution: "#8c6d31",
  sentencing: "#5c3c92",
  meeting: "#2a9d8f",
  statement: "#5c6f82",
  agreement: "#4f772d",
  report: "#3d5a80",
  other: OTHER_COLOR,
};

/** Announced and in-effect dates of one measure: amber for the promise, blue for the fact. */
export const PHASE_COLORS: Readonly<Record<EventPhase, CategoricalColor>> = {
  announced: "#e09f1f",
  effective: "#1f6fbf",
};

/**
 * Line dash patterns handed out by series position, so series differ by more than colour
 * in line charts (and in the exported image).
 */
export const DASHES = ["", "6 3", "2 3", "10 3 2 3", "1 4", "8 4 2 4 2 4"] as const;

export function dashFor(index: number): string {
  return DASHES[index % DASHES.length];
}

/** Marker shapes by series position, for the same reason. */
export const MARKERS = ["circle", "square", "diamond", "triangle", "cross", "star"] as const;
export type Marker = (typeof MARKERS)[number];

export function markerFor(index: number): Marker {
  return MARKERS[index % MARKERS.length];
}
