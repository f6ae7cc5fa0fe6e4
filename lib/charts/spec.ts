/**
 * What a chart component receives: a plain, serialisable description in Tremor's prop
 * vocabulary (`data`, `index`, `categories` with colours, a value format by name), plus
 * the words of its exported "sandwich" (title, filters line, source line) and its CSV.
 * Built on the server by lib/charts; the browser only draws it.
 */
import { z } from "zod";
import { VALUE_FORMATS } from "../format";

export const ChartKind = z.enum([
  /** Bars stacked per index value. */
  "stacked-bar",
  /** One line per category; `curve: "step"` draws a value that holds until it changes. */
  "line",
  /** Points per category along a time axis, one row per `index` value (a dot plot). */
  "dots",
]);
export type ChartKind = z.infer<typeof ChartKind>;

export const ChartCategory = z.object({
  key: z.string(),
  label: z.string(),
  color: z.string(),
  /** SVG dash array for lines, so series differ by more than colour. */
  dash: z.string(),
  /** Marker shape for points. */
  marker: z.enum(["circle", "square", "diamond", "triangle", "cross", "star"]),
  /** In a line chart: drawn as points only, not joined (dates apart from the series, such as announcements). */
  points: z.boolean().optional(),
});
export type ChartCategory = z.infer<typeof ChartCategory>;

export const ChartCell = z.union([z.string(), z.number(), z.null()]);
export const ChartRow = z.record(z.string(), ChartCell);
export type ChartRow = z.infer<typeof ChartRow>;

export const DotPoint = z.object({ x: z.number(), y: z.string(), label: z.string() });

export const ChartSpec = z.object({
  /** Stable name of the chart: used in file names and test ids. */
  id: z.string(),
  title: z.string(),
  /** One sentence on what is measured. */
  subtitle: z.string(),
  kind: ChartKind,
  /** Key of the x value in each row. */
  index: z.string(),
  /** "time": x is UTC milliseconds; "category": x is a label. */
  xType: z.enum(["category", "time"]),
  xTick: z.enum(["year", "month", "day"]),
  /** Tick positions and domain of a time axis (UTC ms), on whole years or months. */
  xTicks: z.array(z.number()).optional(),
  xDomain: z.tuple([z.number(), z.number()]).optional(),
  data: z.array(ChartRow),
  categories: z.array(ChartCategory),
  /** Points per category key, for `dots` charts; y is the row label. */
  dots: z.record(z.string(), z.array(DotPoint)).optional(),
  curve: z.enum(["linear", "step"]).default("linear"),
  valueFormat: z.enum(VALUE_FORMATS),
  yLabel: z.string(),
  yScale: z.enum(["linear", "log"]).default("linear"),
  /** Y domain for log scales: whole powers of ten around the data. */
  yDomain: z.tuple([z.number(), z.number()]).optional(),
  /** Active filters in words, drawn under the title in the page and the image. */
  filtersLine: z.string(),
  /** "Source: 12 articles, 3 Jan 2017 – 5 Nov 2025 · Precursor Watch". */
  sourceLine: z.string(),
  /** Extra caption words (how values were counted). */
  note: z.string().optional(),
  /** File name without extension, naming the chart and its filters. */
  fileBase: z.string(),
  /** The chart's rows, raw values (dates as ISO text): the CSV and the data table. */
  table: z.object({ header: z.array(z.string()), rows: z.array(z.array(ChartCell)) }),
  /** Shown instead of the chart when there is nothing to draw. */
  emptyMessage: z.string(),
  height: z.number().int().positive().default(320),
});
export type ChartSpec = z.infer<typeof ChartSpec>;
export type ChartSpecInput = z.input<typeof ChartSpec>;
