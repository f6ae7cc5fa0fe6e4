"use client";

import type { Ref } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSpec } from "@/lib/charts/spec";
import { formatShortDate, formatTime, formatValue } from "@/lib/format";

const AXIS = { stroke: "#8a919c", fontSize: 12, tickLine: false } as const;
const GRID = "#e4e6ea";
const MARGIN = { top: 8, right: 24, bottom: 4, left: 4 };

/**
 * Draws one ChartSpec with Recharts. Knows nothing of the data's meaning: index,
 * categories, colours and formats all come from the spec. Animations are off so what is
 * exported is exactly what is shown. `surfaceRef` receives the chart's <svg> (Recharts
 * forwards a chart's ref to it), which the export clones.
 */
export function ChartCanvas({ spec, surfaceRef }: { spec: ChartSpec; surfaceRef?: Ref<SVGSVGElement> }) {
  const value = (v: unknown) => (typeof v === "number" ? formatValue(v, spec.valueFormat) : String(v ?? "–"));
  const xLabel = (v: unknown) => (spec.xType === "time" && typeof v === "number" ? formatTime(v, spec.xTick) : spec.xTick === "year" ? String(v) : formatShortDate(String(v)));
  const style = { width: "100%", height: spec.height };
  const tooltip = (
    <Tooltip
      formatter={(v, name) => [value(v), name]}
      labelFormatter={(label) => xLabel(label)}
      contentStyle={{ borderRadius: 6, borderColor: "#d0d4da", fontSize: 13 }}
      isAnimationActive={false}
    />
  );
  const yAxis = (
    <YAxis
      {...AXIS}
      width={56}
      tickFormatter={(v: number) => value(v)}
      allowDecimals={spec.valueFormat !== "count"}
      scale={spec.yScale === "log" ? "log" : "auto"}
      domain={spec.yScale === "log" ? (spec.yDomain ?? ["auto", "auto"]) : [0, "auto"]}
      allowDataOverflow={spec.yScale === "log"}
    />
  );
  const xAxis =
    spec.xType === "time" ? (
      <XAxis {...AXIS} dataKey={spec.index} type="number" scale="time" domain={spec.xDomain ?? ["dataMin", "dataMax"]} ticks={spec.xTicks} tickFormatter={xLabel} minTickGap={24} />
    ) : (
      <XAxis {...AXIS} dataKey={spec.index} tickFormatter={xLabel} minTickGap={16} />
    );

  if (spec.kind === "stacked-bar") {
    return (
      <BarChart ref={surfaceRef} responsive style={style} data={spec.data} margin={MARGIN} title={spec.title}>
        <CartesianGrid vertical={false} stroke={GRID} />
        {xAxis}
        {yAxis}
        {tooltip}
        {spec.categories.map((c, i) => (
          <Bar key={c.key} dataKey={c.key} name={c.label} stackId="stack" fill={c.color} stroke="#ffffff" strokeWidth={spec.categories.length > 1 ? 0.5 : 0} isAnimationActive={false} radius={i === spec.categories.length - 1 ? [2, 2, 0, 0] : 0} />
        ))}
      </BarChart>
    );
  }

  if (spec.kind === "line") {
    return (
      <LineChart ref={surfaceRef} responsive style={style} data={spec.data} margin={MARGIN} title={spec.title}>
        <CartesianGrid vertical={false} stroke={GRID} />
        {xAxis}
        {yAxis}
        {tooltip}
        {spec.categories.map((c) => (
          <Line
            key={c.key}
            dataKey={c.key}
            name={c.label}
            type={spec.curve === "step" ? "stepAfter" : "linear"}
            stroke={c.points ? "none" : c.color}
            strokeWidth={2.5}
            strokeDasharray={c.dash || undefined}
            dot={c.points ? { r: 4.5, fill: "#fff", stroke: c.color, strokeWidth: 2 } : spec.curve === "step" ? false : { r: 3, fill: c.color, stroke: c.color }}
            activeDot={{ r: 4 }}
            connectNulls={!c.points}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
  }

  return (
    <ScatterChart ref={surfaceRef} responsive style={style} margin={{ ...MARGIN, left: 8 }} title={spec.title}>
      <CartesianGrid stroke={GRID} />
      <XAxis {...AXIS} dataKey="x" type="number" scale="time" domain={spec.xDomain ?? ["dataMin", "dataMax"]} ticks={spec.xTicks} tickFormatter={xLabel} minTickGap={24} />
      <YAxis {...AXIS} dataKey="y" type="category" allowDuplicatedCategory={false} width={120} />
      <Tooltip
        cursor={false}
        isAnimationActive={false}
        formatter={(v, name) => [typeof v === "number" ? formatTime(v, "day") : String(v), name]}
        contentStyle={{ borderRadius: 6, borderColor: "#d0d4da", fontSize: 13 }}
      />
      {spec.categories.map((c) => (
        <Scatter key={c.key} name={c.label} data={spec.dots?.[c.key] ?? []} fill={c.color} shape={c.marker} isAnimationActive={false} />
      ))}
    </ScatterChart>
  );
}
