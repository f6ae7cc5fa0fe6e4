/**
 * Layout of an exported chart image, OWID's "sandwich": title and filters on top, the
 * chart as the user sees it, then the legend and the source line. Pure arithmetic on
 * estimated text widths, so the browser code that draws it only places what this returns.
 */

export const EXPORT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';

export const EXPORT_STYLE = {
  padding: 16,
  title: { size: 18, lineHeight: 24, weight: 700, fill: "#1c1f24" },
  subtitle: { size: 13, lineHeight: 18, weight: 400, fill: "#3d4450" },
  filters: { size: 12, lineHeight: 17, weight: 600, fill: "#0b5cad" },
  legend: { size: 12, rowHeight: 20, swatch: 18, gap: 18, fill: "#1c1f24" },
  footer: { size: 11, lineHeight: 16, weight: 400, fill: "#5a6270" },
  background: "#ffffff",
} as const;

/** Average glyph width of a system sans face, as a share of the font size; errs wide. */
const AVERAGE_GLYPH = 0.56;

export function estimateTextWidth(text: string, size: number, weight = 400): number {
  let units = 0;
  for (const ch of text) {
    if ("il.,:;'|!".includes(ch)) units += 0.3;
    else if ("mwMW@".includes(ch)) units += 0.9;
    else if (ch === " ") units += 0.3;
    else if (ch >= "A" && ch <= "Z") units += 0.68;
    else units += AVERAGE_GLYPH;
  }
  return units * size * (weight >= 600 ? 1.07 : 1);
}

/** Greedy word wrap to `maxWidth`; a word longer than a line is cut. */
export function wrapText(text: string, maxWidth: number, size: number, weight = 400): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (estimateTextWidth(candidate, size, weight) <= maxWidth || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
    while (estimateTextWidth(line, size, weight) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && estimateTextWidth(line.slice(0, cut), size, weight) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface LegendEntry {
  label: string;
  color: string;
  dash: string;
  marker: string;
}

export interface SandwichInput {
  width: number;
  chartWidth: number;
  chartHeight: number;
  title: string;
  subtitle?: string;
  filtersLine?: string;
  legend: readonly LegendEntry[];
  footer: readonly string[];
}

export interface PlacedText {
  x: number;
  y: number;
  text: string;
  size: number;
  weight: number;
  fill: string;
  role: "title" | "subtitle" | "filters" | "legend" | "footer";
}

export interface PlacedLegend extends LegendEntry {
  /** Left of the swatch and the baseline of its label. */
  x: number;
  y: number;
  labelX: number;
}

export interface SandwichLayout {
  width: number;
  height: number;
  chart: { x: number; y: number; width: number; height: number };
  texts: PlacedText[];
  legend: PlacedLegend[];
}

/** Positions of every part of the exported image; `y` of a text is its baseline. */
export function layoutSandwich(input: SandwichInput): SandwichLayout {
  const S = EXPORT_STYLE;
  const inner = Math.max(120, input.width - 2 * S.padding);
  const texts: PlacedText[] = [];
  let y = S.padding;
  const block = (text: string | undefined, style: { size: number; lineHeight: number; weight: number; fill: string }, role: PlacedText["role"]) => {
    if (!text) return;
    for (const line of wrapText(text, inner, style.size, style.weight)) {
      y += style.lineHeight;
      texts.push({ x: S.padding, y: y - (style.lineHeight - style.size) / 2 - 2, text: line, size: style.size, weight: style.weight, fill: style.fill, role });
    }
  };
  block(input.title, S.title, "title");
  block(input.subtitle, S.subtitle, "subtitle");
  block(input.filtersLine, S.filters, "filters");
  y += 8;
  const chart = { x: Math.round((input.width - input.chartWidth) / 2), y, width: input.chartWidth, height: input.chartHeight };
  y += input.chartHeight + 8;

  const legend: PlacedLegend[] = [];
  let x = S.padding;
  let rowTop = y;
  for (const entry of input.legend) {
    const w = S.legend.swatch + 6 + estimateTextWidth(entry.label, S.legend.size);
    if (x > S.padding && x + w > S.padding + inner) {
      x = S.padding;
      rowTop += S.legend.rowHeight;
    }
    legend.push({ ...entry, x, y: rowTop + S.legend.rowHeight / 2 + S.legend.size / 2 - 2, labelX: x + S.legend.swatch + 6 });
    x += w + S.legend.gap;
  }
  if (legend.length) y = rowTop + S.legend.rowHeight + 6;

  for (const line of input.footer) block(line, { ...S.footer }, "footer");
  y += S.padding;
  return { width: input.width, height: Math.ceil(y), chart, texts, legend };
}

/** An SVG path for a marker shape centred on (cx, cy), for legends drawn outside Recharts. */
export function markerPath(marker: string, cx: number, cy: number, r: number): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  switch (marker) {
    case "square":
      return `M${f(cx - r)},${f(cy - r)}h${f(2 * r)}v${f(2 * r)}h${f(-2 * r)}Z`;
    case "diamond":
      return `M${f(cx)},${f(cy - r * 1.3)}L${f(cx + r)},${f(cy)}L${f(cx)},${f(cy + r * 1.3)}L${f(cx - r)},${f(cy)}Z`;
    case "triangle":
      return `M${f(cx)},${f(cy - r * 1.2)}L${f(cx + r * 1.1)},${f(cy + r * 0.9)}L${f(cx - r * 1.1)},${f(cy + r * 0.9)}Z`;
    case "cross": {
      const t = r / 2.5;
      return `M${f(cx - t)},${f(cy - r)}h${f(2 * t)}v${f(r - t)}h${f(r - t)}v${f(2 * t)}h${f(t - r)}v${f(r - t)}h${f(-2 * t)}v${f(t - r)}h${f(t - r)}v${f(-2 * t)}h${f(r - t)}Z`;
    }
    default:
      return `M${f(cx - r)},${f(cy)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
  }
}
