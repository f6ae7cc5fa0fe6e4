/**
 * The URL is the filter state: a typed two-way contract between the address bar and the
 * queries, in the manner of OWID's GrapherUrl. `serializeFilters` writes a state as search
 * params with every default left out; `parseFilters` reads params back into a state and
 * never throws: a value it cannot use falls back to its default and comes back as a
 * problem, worded for the user. Pure: no React, no Next.
 */
import { z } from "zod";
import { isRealIsoDay } from "./dates";
import { EventType, PartialIsoDate } from "./schema";

export const STACKS = ["jurisdiction", "chemical"] as const;
export const Stack = z.enum(STACKS);
export type Stack = z.infer<typeof Stack>;

export const FilterState = z.object({
  /** Actor ids (organisations, countries, people); an event matches when it names any. */
  actor: z.array(z.string()),
  /** Chemical ids; an event matches when it names any. */
  chemical: z.array(z.string()),
  type: EventType.optional(),
  from: PartialIsoDate.optional(),
  to: PartialIsoDate.optional(),
  q: z.string().optional(),
  /** 1-based page of the timeline. */
  page: z.number().int().positive(),
  /** What the news-volume chart stacks by. */
  stack: Stack,
});
export type FilterState = z.infer<typeof FilterState>;

export const DEFAULT_FILTERS: FilterState = Object.freeze({ actor: [], chemical: [], page: 1, stack: "jurisdiction" }) as FilterState;

/** Parameter names, in the order they are written. */
export const PARAMS = ["actor", "chemical", "type", "from", "to", "q", "page", "stack"] as const;
export type Param = (typeof PARAMS)[number];

export interface ParamProblem {
  param: Param | string;
  value: string;
  /** Plain words for the user: what was wrong and what is shown instead. */
  message: string;
}

export interface ParsedFilters {
  state: FilterState;
  problems: ParamProblem[];
}

/** Ids the corpus knows, to tell a mistyped id from a real one. */
export interface KnownIds {
  actors?: ReadonlySet<string>;
  chemicals?: ReadonlySet<string>;
}

/** Next's `searchParams` object, or a URLSearchParams. */
export type ParamsInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_IDS = 20;
const MAX_QUERY = 200;
const MAX_PAGE = 100_000;

function readAll(params: ParamsInput, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : [...value];
}

const quote = (value: string) => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day. */
export function isPartialDate(value: string): boolean {
  if (!PartialIsoDate.safeParse(value).success) return false;
  return value.length !== 10 || isRealIsoDay(value);
}

/** The first value of a single-valued param; more than one is a problem, the first wins. */
function single(params: ParamsInput, key: Param, problems: ParamProblem[]): string | undefined {
  const values = readAll(params, key)
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (values.length > 1) problems.push({ param: key, value: values.join(", "), message: `${key} was given ${values.length} times: using the first, ${quote(values[0])}.` });
  return values[0];
}

function ids(params: ParamsInput, key: "actor" | "chemical", known: ReadonlySet<string> | undefined, problems: ParamProblem[]): string[] {
  const noun = key === "actor" ? "actor" : "chemical";
  const out: string[] = [];
  for (const raw of readAll(params, key)) {
    for (const part of raw.split(",")) {
      const value = part.trim().toLowerCase();
      if (value === "" || out.includes(value)) continue;
      if (!ID.test(value)) {
        problems.push({ param: key, value: part, message: `${key} ${quote(part)} is not an id (lowercase letters, digits and hyphens): ignored.` });
      } else if (known && !known.has(value)) {
        problems.push({ param: key, value, message: `There is no ${noun} with id ${quote(value)}: ignored.` });
      } else if (out.length >= MAX_IDS) {
        problems.push({ param: key, value, message: `At most ${MAX_IDS} ${noun}s at once: ${quote(value)} ignored.` });
      } else {
        out.push(value);
      }
    }
  }
  return out;
}

/** Params to state. Never throws; every value it drops comes back as a problem. */
export function parseFilters(params: ParamsInput, known: KnownIds = {}): ParsedFilters {
  const problems: ParamProblem[] = [];
  const state: FilterState = { ...DEFAULT_FILTERS, actor: ids(params, "actor", known.actors, problems), chemical: ids(params, "chemical", known.chemicals, problems) };

  const type = single(params, "type", problems);
  if (type !== undefined) {
    const parsed = EventType.safeParse(type.toLowerCase());
    if (parsed.success) state.type = parsed.data;
    else problems.push({ param: "type", value: type, message: `type ${quote(type)} is not an event type (${EventType.options.join(", ")}): showing every type.` });
  }

  for (const key of ["from", "to"] as const) {
    const value = single(params, key, problems);
    if (value === undefined) continue;
    if (isPartialDate(value)) state[key] = value;
    else problems.push({ param: key, value, message: `${key} ${quote(value)} is not a date written YYYY, YYYY-MM or YYYY-MM-DD: ${key === "from" ? "no start date" : "no end date"} is applied.` });
  }
  if (state.from && state.to && state.to < state.from.slice(0, state.to.length)) {
    problems.push({ param: "to", value: state.to, message: `to ${quote(state.to)} is before from ${quote(state.from)}: no end date is applied.` });
    delete state.to;
  }

  const q = single(params, "q", problems);
  if (q !== undefined) {
    if (q.length > MAX_QUERY) problems.push({ param: "q", value: q, message: `The search text is longer than ${MAX_QUERY} characters: it was cut.` });
    state.q = q.slice(0, MAX_QUERY);
  }

  const page = single(params, "page", problems);
  if (page !== undefined) {
    const n = /^\d{1,6}$/.test(page) ? Number(page) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE) state.page = n;
    else problems.push({ param: "page", value: page, message: `page ${quote(page)} is not a page number: showing page 1.` });
  }

  const stack = single(params, "stack", problems);
  if (stack !== undefined) {
    const parsed = Stack.safeParse(stack);
    if (parsed.success) state.stack = parsed.data;
    else problems.push({ param: "stack", value: stack, message: `stack ${quote(stack)} is not one of ${STACKS.join(", ")}: stacking by ${DEFAULT_FILTERS.stack}.` });
  }
  return { state, problems };
}

/** State to params, defaults left out, in a fixed order so equal states give equal URLs. */
export function serializeFilters(state: Partial<FilterState>): URLSearchParams {
  const params = new URLSearchParams();
  for (const id of state.actor ?? []) params.append("actor", id);
  for (const id of state.chemical ?? []) params.append("chemical", id);
  if (state.type) params.set("type", state.type);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.q && state.q.trim()) params.set("q", state.q.trim());
  if (state.page && state.page > 1) params.set("page", String(state.page));
  if (state.stack && state.stack !== DEFAULT_FILTERS.stack) params.set("stack", state.stack);
  return params;
}

/** `path` with the state's query string, or `path` alone when everything is default. */
export function hrefWith(path: string, state: Partial<FilterState>): string {
  const query = serializeFilters(state).toString();
  return query ? `${path}?${query}` : path;
}

/** The filters only: what carries over between the timeline and the charts. */
export function filtersOnly(state: FilterState): FilterState {
  return { ...state, page: 1, stack: DEFAULT_FILTERS.stack };
}

/** True when no filter narrows the events (page and stack do not count). */
export function isUnfiltered(state: FilterState): boolean {
  return !state.actor.length && !state.chemical.length && !state.type && !state.from && !state.to && !state.q;
}

/** Adds or removes one id of a repeatable filter; any change of filter goes back to page 1. */
export function toggleId(state: FilterState, key: "actor" | "chemical", id: string): FilterState {
  const list = state[key];
  return { ...state, page: 1, [key]: list.includes(id) ? list.filter((v) => v !== id) : [...list, id] };
}

/** The state without one filter value (or the whole filter when `value` is omitted). */
export function withoutFilter(state: FilterState, key: "actor" | "chemical" | "type" | "from" | "to" | "q", value?: string): FilterState {
  const next: FilterState = { ...state, page: 1 };
  if (key === "actor" || key === "chemical") next[key] = value === undefined ? [] : state[key].filter((v) => v !== value);
  else delete next[key];
  return next;
}

export function withPage(state: FilterState, page: number): FilterState {
  return { ...state, page };
}
