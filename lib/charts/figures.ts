/**
 * What an enforcement figure measures (seizures, arrests, prosecutions, deaths) and its
 * value in that measure's unit. Pure: the store classifies each figure once when it is
 * written, and the enforcement chart reads the classes.
 */
import type { Statistic } from "../schema";

export const ENFORCEMENT_MEASURES = [
  { key: "seizures", label: "Seizures (kg)", unit: "kg" },
  { key: "arrests", label: "Arrests (people)", unit: "count" },
  { key: "prosecutions", label: "Prosecutions (cases or people)", unit: "count" },
  { key: "deaths", label: "Overdose deaths", unit: "count" },
] as const;
export type EnforcementMeasure = (typeof ENFORCEMENT_MEASURES)[number]["key"];

export const MASS_TO_KG: Record<string, number> = { t: 1000, kg: 1, g: 0.001, mg: 0.000001, lb: 0.45359237 };

/** What an enforcement figure measures, and its value in the measure's unit; or null. */
export function classifyFigure(s: Statistic, eventType?: string): { measure: EnforcementMeasure; value: number } | null {
  const m = (s.measure ?? "").toLowerCase();
  const count = s.unit === "count" || s.unit === "";
  if (s.unit in MASS_TO_KG) {
    if (/seiz|confiscat|intercept|captur|found|smuggl|shipment/.test(m) || eventType === "seizure") return { measure: "seizures", value: s.value * MASS_TO_KG[s.unit] };
    return null;
  }
  if (!count) return null;
  if (/death|died|overdose|fatal|killed|lives/.test(m)) return { measure: "deaths", value: s.value };
  if (/prosecut|charged|indict|convict|case|sentenc|defendant|trial/.test(m)) return { measure: "prosecutions", value: s.value };
  if (/arrest|detain|suspect|apprehend/.test(m)) return { measure: "arrests", value: s.value };
  return null;
}


const TARIFF = /tariff|dut(y|ies)|levy|levies/;

/** A tariff rate: a percentage said of a tariff, or in a sentence read as a tariff event. */
export function isTariffRate(s: Statistic, eventType?: string): boolean {
  return s.unit === "%" && (TARIFF.test((s.measure ?? "").toLowerCase()) || eventType === "tariff");
}
