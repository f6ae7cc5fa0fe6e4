/**
 * A deterministic synthetic corpus shaped like the sample articles: about 600 words each,
 * with the density of chemicals, people, organisations, dates and figures of real news
 * briefs. Sentence patterns follow the sample corpus; slots are filled from fixed lists
 * by a seeded generator, so the same (count, seed) always gives the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** mulberry32: tiny, fast, and good enough to vary text deterministically. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHEMICALS = ["NPP", "4-ANPP", "4-AP", "1-boc-4-AP", "norfentanyl", "4-piperidone", "1-boc-4-piperidone", "propionyl chloride", "benzylfentanyl", "fentanyl", "xylazine", "carfentanil", "methamphetamine", "heroin"];
const PEOPLE = [
  ["Minister of Public Security", "Wang Xiaohong"],
  ["Foreign Ministry spokesperson", "Lin Jian"],
  ["Vice Premier", "He Lifeng"],
  ["U.S. Ambassador", "David Perdue"],
  ["Treasury Secretary", "Scott Bessent"],
  ["Trade Representative", "Jamieson Greer"],
  ["FBI Director", "Kash Patel"],
  ["DEA Administrator", "Terrance Cole"],
  ["INCB President", "Jallal Toufiq"],
  ["ONDCP Director", "Rahul Gupta"],
  ["President", "Claudia Sheinbaum"],
  ["Homeland Security Secretary", "Alejandro Mayorkas"],
] as const;
const ORGS = ["the Drug Enforcement Administration", "China's Ministry of Public Security", "the Commission on Narcotic Drugs", "the International Narcotics Control Board", "the White House", "the Canada Border Services Agency", "the Justice Department", "Mexico's security cabinet", "the General Administration of Customs"];
const COUNTRIES = ["China", "the United States", "Mexico", "Canada", "India", "Washington", "Beijing"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MEASURES = ["overdose deaths", "suspects arrested", "kilograms of precursors seized", "cases filed", "shipments intercepted"];

const TEMPLATES = [
  "{org} said on {weekday} that {chem} and {chem2} would be placed under national control from {month} {day}.",
  "{title} {person} told reporters in {city} that {country} had seized {tons} tons of {chem} since {year}.",
  "The decision, announced on {month} {day}, {year}, adds {chem} to the list of controlled precursor chemicals.",
  "According to {org}, about {count} {measure} were recorded from {month} to {month2} {year}.",
  "\"We will keep working with our partners on {chem},\" {person} said.",
  "{country} raised the tariff on the goods to {pct}% last month, and officials said more steps could follow this year.",
  "Prosecutors said the company shipped more than {count} kilograms of {chem} between {year} and {year2}.",
  "In {month} last year, {title} {person} met counterparts from {country} to discuss {chem} controls.",
  "The agency estimated that {chem} seizures were worth ${money} million in {year}.",
  "Officials from {org} and {org2} met in {city} last {weekday}.",
  "Mr. {surname} said the measures were a step forward but that more work on {chem} was needed.",
  "The rule, proposed in {month} {year}, takes effect {daysLater} days after publication.",
  "Customs officers intercepted {small} parcels holding {kg} kilograms of {chem} on {month} {day}.",
  "A court sentenced two defendants to {small} years in prison for trafficking {chem} and {chem2}.",
  "{country} has controlled {chem} since {year}, {org} said in a statement.",
  "Nearly {pct} percent of the samples tested contained {chem}, the report said.",
  "{person} said {country} would not accept blame for the crisis.",
  "The commission voted {count2} to {small} to add {chem} to Table I of the 1988 Convention.",
];

const CITIES = ["Beijing", "Washington", "Vienna", "Geneva", "Mexico City", "Ottawa", "Busan", "New Delhi"];

export interface SyntheticArticle {
  file: string;
  content: string;
  words: number;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function fill(template: string, random: () => number, year: number): string {
  const [title, person] = pick(random, PEOPLE);
  const values: Record<string, () => string> = {
    org: () => pick(random, ORGS),
    org2: () => pick(random, ORGS),
    chem: () => pick(random, CHEMICALS),
    chem2: () => pick(random, CHEMICALS),
    person: () => person,
    title: () => title,
    surname: () => person.split(" ").slice(-1)[0],
    country: () => pick(random, COUNTRIES),
    city: () => pick(random, CITIES),
    weekday: () => pick(random, WEEKDAYS),
    month: () => pick(random, MONTHS),
    month2: () => pick(random, MONTHS),
    day: () => String(1 + Math.floor(random() * 28)),
    year: () => String(year - Math.floor(random() * 8)),
    year2: () => String(year),
    tons: () => (1 + random() * 20).toFixed(2),
    count: () => Math.floor(100 + random() * 90000).toLocaleString("en-US"),
    count2: () => String(40 + Math.floor(random() * 13)),
    small: () => String(2 + Math.floor(random() * 8)),
    kg: () => (1 + random() * 400).toFixed(1),
    pct: () => String(5 + Math.floor(random() * 60)),
    money: () => String(1 + Math.floor(random() * 500)),
    measure: () => pick(random, MEASURES),
    daysLater: () => String(30 + Math.floor(random() * 60)),
  };
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => values[slot]?.() ?? slot);
}

/** One article of about `targetWords` words. */
export function syntheticArticle(index: number, seed = 1, targetWords = 600): SyntheticArticle {
  const random = seededRandom(seed * 1_000_003 + index);
  const year = 2017 + Math.floor(random() * 9);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const sentences: string[] = [];
    for (let i = 0; i < 3 + Math.floor(random() * 3) && words < targetWords; i++) {
      const sentence = fill(pick(random, TEMPLATES), random, year);
      words += sentence.split(/\s+/).length;
      sentences.push(sentence);
    }
    paragraphs.push(sentences.join(" "));
  }
  const chem = pick(random, CHEMICALS);
  const title = `${pick(random, COUNTRIES).replace(/^the /, "")} steps up action on ${chem} (${index})`;
  const slug = `${date}-synthetic-${String(index).padStart(5, "0")}`;
  const content = `---\ntitle: "${title}"\ndate: ${date}\nsource: "Synthetic Wire"\nurl: "https://example.org/synthetic/${index}"\ntags: [synthetic]\n---\n\n${paragraphs.join("\n\n")}\n`;
  return { file: `${slug}.md`, content, words };
}

/** Writes `count` articles into `dir` (in subfolders of 1,000 so no folder gets huge). */
export function writeSyntheticCorpus(dir: string, count: number, seed = 1): void {
  for (let i = 0; i < count; i++) {
    const article = syntheticArticle(i, seed);
    const sub = path.join(dir, `batch-${String(Math.floor(i / 1000)).padStart(2, "0")}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, article.file), article.content);
  }
}
