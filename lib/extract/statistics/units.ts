/**
 * Reading one quantity: an optional currency sign, a number (digits or words), an
 * optional scale ("million", "bn") and an optional unit after it ("%", "tons", "yuan").
 * Units come out as docs/EXTRACT.md names them: "%", "t", "kg", "g", "mg", "lb", an ISO 4217
 * code, "L"/"gal"/"oz" as written, or undefined for a plain count.
 */
import { BIG_NUMBER_WORD_SOURCE, DIGITS_SOURCE, SMALL_NUMBER_WORD_SOURCE, parseDigits, parseNumberWord, scaled, scaleOf } from "./numbers";

export interface Quantity {
  /** Offsets of the whole expression: currency sign to unit. */
  start: number;
  end: number;
  /** Offsets of the number alone (digits or words). */
  numberStart: number;
  numberEnd: number;
  /** The value after the scale: "121 million" is 121000000. */
  value: number;
  /** The number as written, before the scale: 121 for "121 million". */
  base: number;
  unit?: string;
  /** True when a scale word multiplied the number. */
  scaled: boolean;
  /** True for a spelled-out number ("twenty", "a billion"). */
  spelled: boolean;
}

/** Currency written before the number. Longer signs first so "US$" wins over "$". */
const CURRENCY_SIGNS: readonly [string, string][] = [
  ["US$", "USD"], ["U.S.$", "USD"], ["USD", "USD"], ["C$", "CAD"], ["CA$", "CAD"], ["CAD", "CAD"],
  ["A$", "AUD"], ["AU$", "AUD"], ["HK$", "HKD"], ["NZ$", "NZD"], ["Mex$", "MXN"], ["MX$", "MXN"], ["MXN", "MXN"],
  ["RMB", "CNY"], ["CNY", "CNY"], ["EUR", "EUR"], ["GBP", "GBP"], ["INR", "INR"], ["Rs.", "INR"], ["Rs", "INR"],
  ["$", "USD"], ["€", "EUR"], ["£", "GBP"], ["¥", "CNY"], ["₹", "INR"],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SIGN_SOURCE = CURRENCY_SIGNS.map(([sign]) => escape(sign)).join("|");

/** Digits with an optional sign before and scale after: "$17 million", "1.5bn", "2,000". */
export const DIGIT_QUANTITY = new RegExp(
  `(?:(?<sign>${SIGN_SOURCE})\\s?)?(?<num>${DIGITS_SOURCE})` +
    `(?:[\\s-]?(?<scale>million|billion|trillion|thousand|crores?|lakhs?|lacs?|mln|mn|bn)(?![A-Za-z])|(?<short>m|k|b)(?![A-Za-z]))?`,
  "g",
);

const SCALE_WORDS = "hundred|thousand|million|billion|trillion|crores?|lakhs?";

/**
 * A spelled number may be joined to its unit by a hyphen ("two-milligrams", "a five-ton
 * load"), but to nothing else: "two-thirds", "one-year" are no quantities with a unit.
 */
const NO_HYPHEN_BUT_UNIT =
  "(?!-(?!(?:milligrams?|micrograms?|grams?|kilograms?|kilos?|tons?|tonnes?|pounds?|ounces?|liters?|litres?|gallons?|percent|per\\s?cent)(?![A-Za-z])))";

/** Spelled numbers from ten: "twenty-five", "fifteen", "twenty million". */
export const WORD_QUANTITY = new RegExp(
  `(?:(?<sign>${SIGN_SOURCE})\\s?)?\\b(?<num>${BIG_NUMBER_WORD_SOURCE})(?:\\s+(?<scale>${SCALE_WORDS}))?(?![A-Za-z])${NO_HYPHEN_BUT_UNIT}`,
  "gi",
);

/**
 * Small spelled numbers: "a billion", "half a million", "two million", "two milligrams". Alone ("two
 * chemicals") they are not statistics (docs/EXTRACT.md); statistics/index.ts keeps them only with a scale or unit.
 */
export const SMALL_WORD_QUANTITY = new RegExp(
  `(?:(?<sign>${SIGN_SOURCE})\\s?)?\\b(?<num>(?:half\\s+)?a(?=\\s+(?:${SCALE_WORDS})\\b)|${SMALL_NUMBER_WORD_SOURCE})(?:\\s+(?<scale>${SCALE_WORDS}))?(?![A-Za-z])${NO_HYPHEN_BUT_UNIT}`,
  "gi",
);

/** Units spelled as words (any case, may follow a hyphen: "a 5-ton load"). */
const WORD_UNIT =
  /(?:\s+|-)(?<unit>percentage\s+points?|per\s?cent|percent|pct|metric\s+(?:tons?|tonnes?)|tons?|tonnes?|kilogram(?:me)?s?|kilos?|gram(?:me)?s?|milligrams?|micrograms?|pounds\s+sterling|pounds?|ounces?|liters?|litres?|gallons?|miles?|kilomet(?:er|re)s?|(?:(?:U\.S\.|US|American|Canadian|Hong\s+Kong|Australian|New\s+Zealand|Singapore|Taiwan)\s+)?dollars?|yuan|renminbi|pesos?|euros?|rupees|yen)(?![A-Za-z])/iy;

/** Symbols and abbreviations, case-sensitive so "5G" is not five grams. */
const SYMBOL_UNIT = /\s?(?<unit>%|kgs?|mg|mcg|µg|g|lbs?|oz|L|km|USD|CNY|RMB|MXN|CAD|EUR|GBP|INR)(?![A-Za-z])/y;

const UNIT_NAMES: readonly [RegExp, string][] = [
  [/^(?:%|percent|per\s?cent|pct|percentage\s+points?)$/i, "%"],
  [/^(?:metric\s+(?:tons?|tonnes?)|tons?|tonnes?)$/i, "t"],
  [/^(?:kilogram(?:me)?s?|kilos?|kgs?)$/i, "kg"],
  [/^(?:gram(?:me)?s?|g)$/i, "g"],
  [/^(?:milligrams?|mg)$/i, "mg"],
  [/^(?:pounds?|lbs?)$/i, "lb"],
  [/^(?:ounces?|oz)$/i, "oz"],
  [/^(?:liters?|litres?|L)$/i, "L"],
  [/^gallons?$/i, "gal"],
  [/^miles?$/i, "mi"],
  [/^(?:kilomet(?:er|re)s?|km)$/i, "km"],
  [/^(?:yuan|renminbi|RMB|CNY)$/i, "CNY"],
  [/^(?:pesos?|MXN)$/i, "MXN"],
  [/^(?:euros?|EUR)$/i, "EUR"],
  [/^(?:rupees|INR)$/i, "INR"],
  [/^(?:yen)$/i, "JPY"],
  [/^(?:pounds\s+sterling|GBP)$/i, "GBP"],
  [/^canadian\s+dollars?$|^CAD$/i, "CAD"],
  [/^hong\s+kong\s+dollars?$/i, "HKD"],
  [/^australian\s+dollars?$/i, "AUD"],
  [/^new\s+zealand\s+dollars?$/i, "NZD"],
  [/^singapore\s+dollars?$/i, "SGD"],
  [/^taiwan\s+dollars?$/i, "TWD"],
  [/dollars?$|^USD$/i, "USD"],
];

/** Micrograms are reported in milligrams: the scorer knows mg but not µg. */
const MICROGRAM = /^(?:micrograms?|mcg|µg)$/i;

export function unitName(written: string): string | undefined {
  if (MICROGRAM.test(written)) return "mg";
  return UNIT_NAMES.find(([pattern]) => pattern.test(written))?.[1];
}

function currencyOfSign(sign: string | undefined): string | undefined {
  return sign === undefined ? undefined : CURRENCY_SIGNS.find(([s]) => s === sign)?.[1];
}

/** The unit written right after `offset`, if any, with where it ends. */
export function unitAfter(body: string, offset: number): { unit: string; written: string; end: number } | undefined {
  for (const pattern of [SYMBOL_UNIT, WORD_UNIT]) {
    pattern.lastIndex = offset;
    const m = pattern.exec(body);
    const written = m?.groups?.unit;
    if (m && written) {
      const unit = unitName(written.replace(/\s+/g, " "));
      if (unit) return { unit, written, end: offset + m[0].length };
    }
  }
  return undefined;
}

/** Builds a quantity from a DIGIT_QUANTITY or WORD_QUANTITY match; undefined when it is no number. */
export function quantityFromMatch(body: string, m: RegExpExecArray, spelled: boolean): Quantity | undefined {
  const groups = m.groups ?? {};
  const numText = groups.num ?? "";
  const base = spelled ? parseNumberWord(numText) : parseDigits(numText);
  if (base === undefined || Number.isNaN(base)) return undefined;
  const scaleWord = groups.scale ?? groups.short;
  const numberStart = m.index + m[0].indexOf(numText, groups.sign ? groups.sign.length : 0);
  const numberEnd = numberStart + numText.length;
  let end = m.index + m[0].length;
  let unit = currencyOfSign(groups.sign);
  if (!unit) {
    const after = unitAfter(body, end);
    if (after && !(after.unit === "%" && scaleWord)) {
      unit = after.unit;
      end = after.end;
    }
  }
  // "12 micrograms" is 0.012 mg.
  const micro = unit === "mg" && MICROGRAM.test(body.slice(numberEnd, end).trim()) ? 1e-3 : 1;
  return {
    start: m.index,
    end,
    numberStart,
    numberEnd,
    value: scaled(base, scaleOf(scaleWord) * micro),
    base,
    unit,
    scaled: scaleWord !== undefined,
    spelled,
  };
}
