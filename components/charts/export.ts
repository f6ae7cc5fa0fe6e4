/**
 * The one export pipeline (after OWID grapher's captioned chart and rasteriser): the
 * chart's own <svg> is cloned with its computed styles inlined, wrapped in a "sandwich"
 * that draws the title, filters, legend and source line itself (Recharts draws its legend
 * in HTML, outside the <svg>), and serialised. The PNG is that same SVG drawn on a canvas
 * at twice its size. The download buttons only call these functions. Browser-only code.
 */
import { layoutSandwich, markerPath, EXPORT_FONT, EXPORT_STYLE, type SandwichLayout } from "@/lib/charts/layout";
import type { ChartSpec } from "@/lib/charts/spec";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Presentation properties copied from computed style onto each cloned element. */
const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "letter-spacing",
  "visibility",
] as const;

/** Hover artefacts that are not part of the chart the user reads. */
const TRANSIENT = ".recharts-tooltip-cursor, .recharts-active-dot, .recharts-tooltip-wrapper";

export interface ExportedSvg {
  svg: string;
  width: number;
  height: number;
}

function inlineStyles(original: Element, clone: Element): void {
  const computed = getComputedStyle(original);
  if (computed.display === "none") {
    clone.remove();
    return;
  }
  const declarations: string[] = [];
  for (const prop of STYLE_PROPS) {
    const value = computed.getPropertyValue(prop);
    if (value && value !== "normal" && value !== "auto") declarations.push(`${prop}:${value}`);
  }
  clone.setAttribute("style", declarations.join(";"));
  clone.removeAttribute("tabindex");
  const a = original.children;
  const b = [...clone.children];
  for (let i = 0; i < b.length; i++) if (a[i]) inlineStyles(a[i], b[i]);
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A legend swatch drawn in SVG: a line with the series' dash for lines, a block otherwise. */
function swatch(entry: SandwichLayout["legend"][number], kind: ChartSpec["kind"]): SVGElement {
  const g = el("g", {});
  const mid = entry.y - EXPORT_STYLE.legend.size / 2 + 2;
  if (kind === "line") {
    g.append(el("line", { x1: entry.x, x2: entry.x + EXPORT_STYLE.legend.swatch, y1: mid, y2: mid, stroke: entry.color, "stroke-width": 3, "stroke-dasharray": entry.dash || "none" }));
  } else if (kind === "dots") {
    g.append(el("path", { d: markerPath(entry.marker, entry.x + EXPORT_STYLE.legend.swatch / 2, mid, 5), fill: entry.color }));
  } else {
    g.append(el("rect", { x: entry.x, y: mid - 6, width: EXPORT_STYLE.legend.swatch, height: 12, rx: 2, fill: entry.color }));
  }
  return g;
}

/** The exported image as SVG text: what the user sees, captioned, styles inlined. */
export function buildChartSvg(surface: SVGSVGElement | null, spec: ChartSpec): ExportedSvg {
  if (!surface) throw new Error("The chart has not been drawn yet.");
  const box = surface.getBoundingClientRect();
  const chartWidth = Math.round(box.width);
  const chartHeight = Math.round(box.height);

  const layout = layoutSandwich({
    width: chartWidth,
    chartWidth,
    chartHeight,
    title: spec.title,
    subtitle: spec.subtitle,
    filtersLine: spec.filtersLine,
    legend: spec.categories.map((c) => ({ label: c.label, color: c.color, dash: c.dash, marker: c.marker })),
    footer: [spec.note, spec.sourceLine].filter((t): t is string => Boolean(t)),
  });

  const root = el("svg", {
    xmlns: SVG_NS,
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    "font-family": EXPORT_FONT,
  });
  root.append(el("title", {}, spec.title));
  root.append(el("rect", { x: 0, y: 0, width: layout.width, height: layout.height, fill: EXPORT_STYLE.background }));
  for (const t of layout.texts) {
    root.append(el("text", { x: t.x, y: t.y, "font-size": t.size, "font-weight": t.weight, fill: t.fill, "data-role": t.role }, t.text));
  }

  const chart = surface.cloneNode(true) as SVGSVGElement;
  inlineStyles(surface, chart);
  chart.querySelectorAll(TRANSIENT).forEach((n) => n.remove());
  chart.setAttribute("x", String(layout.chart.x));
  chart.setAttribute("y", String(layout.chart.y));
  chart.setAttribute("width", String(chartWidth));
  chart.setAttribute("height", String(chartHeight));
  chart.setAttribute("viewBox", surface.getAttribute("viewBox") ?? `0 0 ${chartWidth} ${chartHeight}`);
  chart.setAttribute("overflow", "visible");
  chart.removeAttribute("class");
  chart.style.removeProperty("width");
  chart.style.removeProperty("height");
  root.append(chart);

  const legend = el("g", { "data-role": "legend" });
  for (const entry of layout.legend) {
    legend.append(swatch(entry, spec.kind));
    legend.append(el("text", { x: entry.labelX, y: entry.y, "font-size": EXPORT_STYLE.legend.size, fill: EXPORT_STYLE.legend.fill }, entry.label));
  }
  root.append(legend);

  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { svg, width: layout.width, height: layout.height };
}

/** The SVG drawn on a canvas at `scale` times its size, as a PNG. */
export async function rasterize(exported: ExportedSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([exported.svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(exported.width * scale);
    canvas.height = Math.round(exported.height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw on a canvas.");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, exported.width, exported.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The PNG could not be made."))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under `fileName` through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
