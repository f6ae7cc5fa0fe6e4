/**
 * Loads and checks content/registry/chemicals.yaml and actors.yaml. Problems come back
 * as ContentIssues with file and line. When a registry file turns invalid while the
 * server runs, the last valid version stays in use and an issue says so.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { problem, zodIssuesToContentIssues } from "./content/issues";
import { parseYamlWithLines, type LocatedYaml } from "./content/yaml-lines";
import { isValidCas } from "./extract/chemicals/cas";
import type { Registries } from "./extract/context";
import { ActorRegistry, ChemicalRegistry, ChemicalEntry, OrganizationEntry, PersonEntry, type ContentIssue } from "./schema";

export const CHEMICALS_FILE = "chemicals.yaml";
export const ACTORS_FILE = "actors.yaml";

export interface LoadedRegistries {
  registries: Registries;
  issues: ContentIssue[];
  signature: string;
}

interface ParsedRegistryFile<T> {
  value?: T;
  issues: ContentIssue[];
  yaml?: LocatedYaml;
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  chemicals: Object.keys(ChemicalEntry.shape),
  organizations: Object.keys(OrganizationEntry.shape),
  people: Object.keys(PersonEntry.shape),
};

function knownKeysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return ["chemicals", "organizations", "people"];
  if (path.length >= 3 && path[0] === "chemicals" && path[2] === "controls")
    return ["jurisdiction", "instrument", "announced", "effective", "source", "note"];
  if (path.length >= 3 && path[0] === "people" && path[2] === "titles") return ["title", "organization", "from", "to"];
  if (path.length >= 3 && path[0] === "people" && path[2] === "terms") return ["title", "organization", "start", "end", "source"];
  return KNOWN_KEYS[String(path[0])] ?? [];
}

/** Parses one registry file's text against its schema. Pure. */
export function parseRegistryText<T>(
  file: string,
  text: string,
  schema: z.ZodType<T>,
): ParsedRegistryFile<T> {
  const yaml = parseYamlWithLines(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  if (yaml.error) return { issues: [problem("yaml-syntax", { file, line: yaml.error.line, field: "(file)" }, yaml.error.message)] };
  const result = schema.safeParse(yaml.data ?? {});
  if (!result.success) {
    return { issues: zodIssuesToContentIssues(file, result.error, yaml.data, yaml.lineOf, 0, knownKeysAt), yaml };
  }
  return { value: result.data, issues: [], yaml };
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Cross-record rules zod cannot see: unique ids and aliases, CAS check digits, dates in order. */
export function checkChemicals(file: string, registry: ChemicalRegistry, yaml: LocatedYaml, actorIds: ReadonlySet<string> | null): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, string>();
  registry.chemicals.forEach((chemical, i) => {
    const at = (...rest: PropertyKey[]) => yaml.lineOf(["chemicals", i, ...rest]);
    const previous = ids.get(chemical.id);
    if (previous !== undefined) issues.push(problem("duplicate-id", { file, line: at("id"), field: `chemicals.${i}.id` }, chemical.id, `chemical ${previous + 1}`));
    else ids.set(chemical.id, i);
    for (const name of new Set([chemical.name, ...chemical.aliases, ...chemical.abbreviations, ...chemical.systematic_names].map(norm))) {
      const owner = names.get(name);
      if (owner && owner !== chemical.id) {
        issues.push(problem("duplicate-name", { file, line: at("id"), field: `chemicals.${i}` }, "name or alias", name, owner));
      } else names.set(name, chemical.id);
    }
    if (chemical.cas && !isValidCas(chemical.cas)) {
      issues.push(problem("cas-check-digit", { file, line: at("cas"), field: `chemicals.${i}.cas` }, chemical.cas));
    }
    chemical.controls.forEach((control, j) => {
      if (control.announced && control.effective && control.effective < control.announced.slice(0, control.effective.length)) {
        issues.push(
          problem("dates-out-of-order", { file, line: at("controls", j, "effective"), field: `chemicals.${i}.controls.${j}.effective` }, "effective", control.effective, "announced", control.announced),
        );
      }
      if (actorIds && !actorIds.has(control.jurisdiction)) {
        issues.push(
          problem("unknown-reference", { file, line: at("controls", j, "jurisdiction"), field: `chemicals.${i}.controls.${j}.jurisdiction` }, "jurisdiction", control.jurisdiction, `add it to ${ACTORS_FILE}`),
        );
      }
    });
  });
  return issues;
}

export function checkActors(file: string, registry: ActorRegistry, yaml: LocatedYaml): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const ids = new Map<string, string>();
  const orgIds = new Set(registry.organizations.map((o) => o.id));
  const sections = [
    ["organizations", registry.organizations],
    ["people", registry.people],
  ] as const;
  for (const [section, list] of sections) {
    list.forEach((entry, i) => {
      const where = `${section}.${i}`;
      if (ids.has(entry.id)) issues.push(problem("duplicate-id", { file, line: yaml.lineOf([section, i, "id"]), field: `${where}.id` }, entry.id, `in ${ids.get(entry.id)}`));
      else ids.set(entry.id, where);
    });
  }
  const aliasOwner = new Map<string, string>();
  registry.organizations.forEach((org, i) => {
    for (const alias of [org.name, ...org.aliases]) {
      const owner = aliasOwner.get(alias);
      if (owner && owner !== org.id) issues.push(problem("duplicate-name", { file, line: yaml.lineOf(["organizations", i, "aliases"]), field: `organizations.${i}.aliases` }, "alias", alias, owner));
      else aliasOwner.set(alias, org.id);
    }
    for (const key of ["country", "parent"] as const) {
      const ref = org[key];
      if (ref && !orgIds.has(ref)) issues.push(problem("unknown-reference", { file, line: yaml.lineOf(["organizations", i, key]), field: `organizations.${i}.${key}` }, "organization id", ref));
    }
  });
  registry.people.forEach((person, i) => {
    if (person.country && !orgIds.has(person.country)) issues.push(problem("unknown-reference", { file, line: yaml.lineOf(["people", i, "country"]), field: `people.${i}.country` }, "country id", person.country));
    person.titles.forEach((title, j) => {
      if (title.organization && !orgIds.has(title.organization)) {
        issues.push(problem("unknown-reference", { file, line: yaml.lineOf(["people", i, "titles", j, "organization"]), field: `people.${i}.titles.${j}.organization` }, "organization id", title.organization));
      }
      if (title.from && title.to && title.to < title.from.slice(0, title.to.length)) {
        issues.push(problem("dates-out-of-order", { file, line: yaml.lineOf(["people", i, "titles", j, "to"]), field: `people.${i}.titles.${j}.to` }, '"to"', title.to, '"from"', title.from));
      }
    });
    person.terms.forEach((term, j) => {
      if (term.organization && !orgIds.has(term.organization)) {
        issues.push(problem("unknown-reference", { file, line: yaml.lineOf(["people", i, "terms", j, "organization"]), field: `people.${i}.terms.${j}.organization` }, "organization id", term.organization));
      }
      if (term.end && term.end < term.start.slice(0, term.end.length)) {
        issues.push(problem("dates-out-of-order", { file, line: yaml.lineOf(["people", i, "terms", j, "end"]), field: `people.${i}.terms.${j}.end` }, '"end"', term.end, '"start"', term.start));
      }
    });
  });
  return issues;
}

/** The last version of each registry file that fitted its schema, by path. */
const lastGoodChemicals = new Map<string, ChemicalRegistry>();
const lastGoodActors = new Map<string, ActorRegistry>();
const registryCache = new Map<string, { stamp: string; result: LoadedRegistries }>();

async function readIfPresent(file: string): Promise<{ text: string; stamp: string } | null> {
  try {
    const s = await stat(file);
    return { text: await readFile(file, "utf8"), stamp: `${s.mtimeMs}:${s.size}` };
  } catch {
    return null;
  }
}

/**
 * Registries parsed before, kept elsewhere (the database), by the text of both files:
 * parsing and checking them is ~0.2 s of a server's start. Only a parse that found no
 * problem is kept, since then the registries depend on the two texts alone.
 */
export interface RegistryMemory {
  recall(key: string): Registries | undefined;
  remember(key: string, registries: Registries): void;
}

/** Loads both registries from a folder; cached by mtime and size of both files. */
export async function loadRegistries(dir: string, memory?: RegistryMemory): Promise<LoadedRegistries> {
  const chemicalsPath = path.join(dir, CHEMICALS_FILE);
  const actorsPath = path.join(dir, ACTORS_FILE);
  const [chemText, actorText] = await Promise.all([readIfPresent(chemicalsPath), readIfPresent(actorsPath)]);
  const signature = `${chemText?.stamp ?? "none"}|${actorText?.stamp ?? "none"}`;
  const cached = registryCache.get(dir);
  if (cached && cached.stamp === signature) return cached.result;

  const key = chemText && actorText ? createHash("sha256").update(chemText.text).update("\0").update(actorText.text).digest("hex") : undefined;
  const recalled = key ? memory?.recall(key) : undefined;
  if (recalled) {
    lastGoodChemicals.set(chemicalsPath, recalled.chemicals);
    lastGoodActors.set(actorsPath, recalled.actors);
    const result: LoadedRegistries = { registries: recalled, issues: [], signature };
    registryCache.set(dir, { stamp: signature, result });
    return result;
  }

  const shown = (name: string) => `registry/${name}`;
  const issues: ContentIssue[] = [];

  let actors: ActorRegistry = { organizations: [], people: [] };
  if (!actorText) {
    issues.push(problem("missing-registry", { file: shown(ACTORS_FILE), line: 1, field: "(file)" }, shown(ACTORS_FILE)));
  } else {
    const parsed = parseRegistryText(shown(ACTORS_FILE), actorText.text, ActorRegistry);
    const found = parsed.value && parsed.yaml ? checkActors(shown(ACTORS_FILE), parsed.value, parsed.yaml) : [];
    issues.push(...parsed.issues, ...found);
    // A file that fits the schema is used even when cross-checks fail (they are listed);
    // one that does not fit falls back to the last version that did.
    if (parsed.value) {
      actors = parsed.value;
      lastGoodActors.set(actorsPath, actors);
    } else if (lastGoodActors.has(actorsPath)) {
      actors = lastGoodActors.get(actorsPath)!;
      issues.push(problem("registry-invalid", { file: shown(ACTORS_FILE), line: 1, field: "(file)" }));
    }
  }

  let chemicals: ChemicalRegistry = { chemicals: [] };
  if (!chemText) {
    issues.push(problem("missing-registry", { file: shown(CHEMICALS_FILE), line: 1, field: "(file)" }, shown(CHEMICALS_FILE)));
  } else {
    const parsed = parseRegistryText(shown(CHEMICALS_FILE), chemText.text, ChemicalRegistry);
    const actorIds = actors.organizations.length ? new Set(actors.organizations.map((o) => o.id)) : null;
    const found = parsed.value && parsed.yaml ? checkChemicals(shown(CHEMICALS_FILE), parsed.value, parsed.yaml, actorIds) : [];
    issues.push(...parsed.issues, ...found);
    // A file that fits the schema is used even when cross-checks fail (they are listed);
    // one that does not fit falls back to the last version that did.
    if (parsed.value) {
      chemicals = parsed.value;
      lastGoodChemicals.set(chemicalsPath, chemicals);
    } else if (lastGoodChemicals.has(chemicalsPath)) {
      chemicals = lastGoodChemicals.get(chemicalsPath)!;
      issues.push(problem("registry-invalid", { file: shown(CHEMICALS_FILE), line: 1, field: "(file)" }));
    }
  }

  const result: LoadedRegistries = { registries: { chemicals, actors }, issues, signature };
  registryCache.set(dir, { stamp: signature, result });
  if (key && issues.length === 0) memory?.remember(key, result.registries);
  return result;
}
