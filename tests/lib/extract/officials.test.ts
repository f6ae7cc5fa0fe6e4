import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { extractActors } from "../../../lib/extract/people/actors";
import { EMPTY_REGISTRIES, makeContext } from "../../../lib/extract/context";
import { extractOfficials } from "../../../lib/extract/people/officials";
import { ActorRegistry, Official } from "../../../lib/schema";

const REGISTRY = ActorRegistry.parse(parse(readFileSync(path.join(__dirname, "../../../content/registry/actors.yaml"), "utf8")));
const EMPTY: ActorRegistry = { organizations: [], people: [] };

function extract(text: string, actors: ActorRegistry = REGISTRY, date = "2025-06-27"): Official[] {
  const ctx = makeContext(text, { slug: "test", date, registries: { ...EMPTY_REGISTRIES, actors } });
  const found = extractOfficials(text, ctx, extractActors(text, ctx));
  for (const o of found) Official.parse(o);
  return found;
}

const names = (text: string, actors: ActorRegistry = REGISTRY) => extract(text, actors).map((o) => o.name);
const one = (text: string, name: string, actors: ActorRegistry = REGISTRY) => extract(text, actors).find((o) => o.name === name);
const mentionTexts = (text: string, name: string, actors: ActorRegistry = REGISTRY) => one(text, name, actors)?.mentions.map((m) => m.text);

describe("extractOfficials: titles before the name", () => {
  it("strips the title and reads title, organisation and country", () => {
    const o = one("The move followed a meeting with China's Minister of Public Security Wang Qiang in Beijing.", "Wang Qiang", EMPTY);
    expect(o).toMatchObject({ name: "Wang Qiang", title: "Minister of Public Security", registered: false });
    const withRegistry = one("China's Minister of Public Security Wang Qiang met them.", "Wang Qiang");
    expect(withRegistry).toMatchObject({ country: "CN", countryId: "china" });
  });

  it("reads a country code from 'U.S.' and an organisation from the phrase", () => {
    expect(one("U.S. Ambassador Mark Ellison met officials.", "Mark Ellison")).toMatchObject({ title: "Ambassador", country: "US", countryId: "united-states" });
    expect(one("Foreign Ministry spokesperson Guo Tao said so.", "Guo Tao")).toMatchObject({ title: "Foreign Ministry spokesperson", organizationId: "china-foreign-ministry", country: "CN" });
    expect(one("FBI Director Paul Landry spoke.", "Paul Landry")).toMatchObject({ title: "FBI Director", organization: "Federal Bureau of Investigation", country: "US" });
  });

  it("keeps a title made of several words and drops modifiers such as 'former'", () => {
    expect(one("Attorney General Helen Ward announced charges.", "Helen Ward")?.title).toBe("Attorney General");
    expect(one("The talks were led by former President Alan Brooks.", "Alan Brooks")?.title).toBe("President");
    expect(one("Special Agent in Charge Frank A. Tarentino III said so.", "Frank A. Tarentino III")?.title).toBe("Special Agent in Charge");
    expect(one("State Councilor and Minister of Public Security Wang Qiang spoke.", "Wang Qiang")?.title).toBe("State Councilor and Minister of Public Security");
    expect(one("White House Deputy Homeland Security Advisor Jane Ruiz spoke.", "Jane Ruiz")).toMatchObject({ title: "White House Deputy Homeland Security Advisor", organizationId: "white-house" });
  });

  it("accepts a lower-case role before the name", () => {
    expect(names("Chinese leader Zhou Ming pledged action. Analyst Pat Ruiz disagreed.", EMPTY)).toEqual(["Zhou Ming", "Pat Ruiz"]);
  });

  it("reads plural titles for coordinated names", () => {
    expect(names("Presidents Alan Brooks and Zhou Ming discussed the issue.", EMPTY)).toEqual(["Alan Brooks", "Zhou Ming"]);
  });
});

describe("extractOfficials: context after the name", () => {
  it("reads an appositive title and organisation", () => {
    const o = one("\u201cWe will act,\u201d said Tan Jiawei, a senior official at the Supreme People's Procuratorate.", "Tan Jiawei");
    expect(o).toMatchObject({ title: "senior official", organizationId: "spp", country: "CN" });
    const p = one("Omar Ruiz Vega, the Secretary of Security and Citizen Protection in Mexico, spoke.", "Omar Ruiz Vega");
    expect(p).toMatchObject({ title: "Secretary of Security and Citizen Protection", organizationId: "sspc", country: "MX" });
  });

  it("reads an appositive after a short bracket: 'NAME (Short), a ...'", () => {
    const o = one("The panel heard Kwame Osei (Osei), a chemist at the customs laboratory, on Monday.", "Kwame Osei", EMPTY);
    expect(o).toMatchObject({ title: "chemist" });
    expect(names("They met Hua Jianguo and then left.", EMPTY)).toEqual(["Hua Jianguo"]);
  });

  it("accepts defendants by age and residence", () => {
    expect(names("Prosecutors charged Kofi Mensah, 45, of Akron, Ohio, with trafficking.", EMPTY)).toEqual(["Kofi Mensah"]);
    // The last of a list of ages ends the sentence.
    expect(names("The accused were named as Kofi Mensah, 45, and Ravi Kantwal, 31.", EMPTY)).toEqual(["Kofi Mensah", "Ravi Kantwal"]);
  });

  it("accepts 'NAME said', 'said NAME', 'according to NAME' and 'NAME, who ...'", () => {
    expect(names("Kofi Mensah said the law was clear.", EMPTY)).toEqual(["Kofi Mensah"]);
    expect(names("\u201cIt is clear,\u201d said Kofi Mensah.", EMPTY)).toEqual(["Kofi Mensah"]);
    expect(names("According to Kofi Mensah, the law was clear.", EMPTY)).toEqual(["Kofi Mensah"]);
    expect(names("Kofi Mensah, who chairs the panel, agreed.", EMPTY)).toEqual(["Kofi Mensah"]);
  });

  it("reads a title clause before the name: 'The Chief of ..., NAME, said'", () => {
    const o = one("The Chief of the Laboratory Section at the UN Office on Drugs and Crime, Kofi Mensah, said: \u201cIt is a drug.\u201d", "Kofi Mensah");
    expect(o).toMatchObject({ title: "Chief", organizationId: "unodc" });
  });
});

describe("extractOfficials: name shapes", () => {
  it("reads Chinese names in either order, and Spanish names with two surnames", () => {
    expect(names("Zhou Xiaoming attended. Officials met Jiahui Chen.", EMPTY)).toEqual(["Zhou Xiaoming", "Jiahui Chen"]);
    expect(names("Secretary Marcelo Ebrard Casaubón spoke.", EMPTY)).toEqual(["Marcelo Ebrard Casaubón"]);
  });

  it("keeps particles, hyphens and initials", () => {
    expect(names("Ambassador Bente Berg-Hansen spoke.", EMPTY)).toEqual(["Bente Berg-Hansen"]);
    expect(names("Judge Maria de la Cruz ruled. Envoy Laura S. H. Holgate spoke.", EMPTY)).toEqual(["Maria de la Cruz", "Laura S. H. Holgate"]);
  });

  it("reads a surname after initials when the context names a person", () => {
    expect(names("\u201cThe haul is large,\u201d said RK Verma, a deputy director.", EMPTY)).toEqual(["RK Verma"]);
    expect(names("Superintendent N. Raghavan led the raid. Additional commissioner P K Das agreed.", EMPTY)).toEqual(["N. Raghavan", "P K Das"]);
    expect(names("The raid was led by the kingpin's rival, the broker S.M. Qureshi.", EMPTY)).toEqual(["S.M. Qureshi"]);
    // Initials before a surname name someone else than a full name sharing it.
    expect(names("Sunil Verma met reporters. \u201cIt is done,\u201d said RK Verma.", EMPTY)).toEqual(["Sunil Verma", "RK Verma"]);
  });

  it("takes no abbreviation or article for initials", () => {
    expect(names("A Pfizer spokesperson said the firm complied. US Customs agents agreed.", EMPTY)).toEqual([]);
    expect(names("Officials said U.S. Mendez was a code name.", EMPTY)).toEqual([]);
  });

  it("strips honorifics", () => {
    expect(names("Dr. Nora Volkow said so. Ms. Jane Lee agreed.", EMPTY)).toEqual(["Nora Volkow", "Jane Lee"]);
  });

  it("splits 'Guanghua and Fujing Zheng' into two people sharing the surname", () => {
    expect(names("Father and son Jianguo and Haoran Liang face charges.", EMPTY)).toEqual(["Jianguo Liang", "Haoran Liang"]);
  });

  it("leaves a quoted nickname out of the name", () => {
    expect(names('Police arrested Ismael "El Mayo" Zambada in July.', EMPTY)).toEqual(["Ismael Zambada"]);
  });

  it("takes a Chinese surname that is also a pronoun only with a pinyin given name", () => {
    expect(names("Vice Premier He Lifeng attended. He said talks went well.", EMPTY)).toEqual(["He Lifeng"]);
  });
});

describe("extractOfficials: short references", () => {
  it("joins later short forms to the full name and creates no one new", () => {
    const text = "Omar Ruiz Vega, the security chief, spoke. Ruiz Vega said more. Later Vega added a point.";
    expect(names(text, EMPTY)).toEqual(["Omar Ruiz Vega"]);
    expect(mentionTexts(text, "Omar Ruiz Vega", EMPTY)).toEqual(["Omar Ruiz Vega", "Ruiz Vega", "Vega"]);
  });

  it("joins honorific forms: 'Mr. Lin', 'Ms. Berg-Hansen'", () => {
    const text = "Ambassador Bente Berg-Hansen and spokesperson Lin Hao spoke. \u201cYes,\u201d said Ms. Berg-Hansen. Mr. Lin agreed.";
    expect(names(text, EMPTY)).toEqual(["Bente Berg-Hansen", "Lin Hao"]);
    expect(mentionTexts(text, "Lin Hao", EMPTY)).toEqual(["Lin Hao", "Lin"]);
    expect(mentionTexts(text, "Bente Berg-Hansen", EMPTY)).toEqual(["Bente Berg-Hansen", "Berg-Hansen"]);
  });

  it("reads a short form before the full name (a headline)", () => {
    const text = "China the source, Sessions says\n\nAttorney General Jeff Sessions announced charges.";
    expect(mentionTexts(text, "Jeff Sessions", EMPTY)).toEqual(["Sessions", "Jeff Sessions"]);
  });

  it("gives a shared surname to the nearest full name before it", () => {
    const text = "Liu Qiang, a judge, spoke. Liu Bo, a scholar, disagreed. Liu said the law was unclear.";
    expect(mentionTexts(text, "Liu Bo", EMPTY)).toEqual(["Liu Bo", "Liu"]);
    expect(mentionTexts(text, "Liu Qiang", EMPTY)).toEqual(["Liu Qiang"]);
  });

  it("shortens a family-name-first Chinese name to the family name only", () => {
    const text = "Official Huang Li spoke. Ms. Li of another agency declined. Huang agreed.";
    expect(mentionTexts(text, "Huang Li", EMPTY)).toEqual(["Huang Li", "Huang"]);
  });

  it("reads the parts of 'Xi-Biden'", () => {
    const xi = extract("President Xi Jinping met Joe Biden. The Xi-Biden meeting went well.").find((o) => o.name === "Xi Jinping");
    expect(xi?.mentions.map((m) => m.text)).toEqual(["Xi Jinping", "Xi"]);
  });

  it("never finds Xi inside other words", () => {
    expect(names("Xinhua said police in Xi'an and Xiamen found a Xiaomi phone.")).toEqual([]);
    const xi = extract("Xi Jinping spoke to Xinhua in Xiamen.").find((o) => o.id === "xi-jinping");
    expect(xi?.mentions.map((m) => m.text)).toEqual(["Xi Jinping"]);
  });

  it("uses a registry short alias when no full name is given", () => {
    const found = extract("The Biden administration kept the tariffs. President Xi has said so.");
    expect(found.map((o) => [o.id, o.name, o.registered])).toEqual([
      ["joe-biden", "Joe Biden", true],
      ["xi-jinping", "Xi Jinping", true],
    ]);
    expect(found[1]).toMatchObject({ title: "President", country: "CN" });
  });

  it("does not make a person of a lone surname with an honorific", () => {
    expect(names("Mr. Lin said the tariffs were a pretext.", EMPTY)).toEqual([]);
  });
});

describe("extractOfficials: registry people", () => {
  it("finds them by name and alias with their registry title at the article's date", () => {
    const found = extract("Terry Cole spoke in Washington.", REGISTRY);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: "terrance-cole", name: "Terrance Cole", title: "Administrator", organizationId: "dea", country: "US", registered: true });
  });

  it("prefers the registry title the text names", () => {
    const o = one("China's Minister of Public Security Wang Xiaohong met him.", "Wang Xiaohong");
    expect(o).toMatchObject({ title: "Minister of Public Security", organizationId: "mps" });
  });
});

describe("extractOfficials: things that are not people", () => {
  it("ignores places, organisations, months, weekdays and headline words", () => {
    const text = [
      "Mexico Reports Major Drug Seizures And Arrests",
      "The White House said Customs officers in Metro Vancouver worked with the Canada Border Services Agency.",
      "Hong Kong and South Korea joined on Monday in March.",
      "Health Canada said the Santa Rosa de Lima Cartel was dismantled.",
      "Global Times said the New York Times erred.",
    ].join("\n\n");
    expect(names(text)).toEqual([]);
  });

  it("ignores the words of a law or organisation after a title word", () => {
    expect(names("Under the Controlled Substances Act, handlers must register.", EMPTY)).toEqual([]);
  });

  it("ignores chemical names written with capitals", () => {
    expect(names("Officers seized PMK Methyl Glycidate and Propionyl Chloride. Sodium Borohydride was found.", EMPTY)).toEqual([]);
  });

  it("ignores sentence openers before a capitalised word", () => {
    expect(names("Aboard Air Force One, he spoke. Meanwhile Beijing waited.", EMPTY)).toEqual([]);
  });

  it("ignores unnamed people", () => {
    expect(names("A U.S. official said the decision was fundamental. Chinese officials agreed.")).toEqual([]);
  });

  it("ignores bylines and photo credits", () => {
    expect(names("By Jane Morrison and Li Wei\n\nPhoto: Reuters/Tingshu Wang. (Reporting by David Lawder; Editing by Chris Reese)", EMPTY)).toEqual([]);
  });
});

describe("extractOfficials: records", () => {
  it("gives every mention its sentence and provenance at the first", () => {
    const text = "Trade fell. Kofi Mensah, 45, was charged. Mensah denied it.";
    const o = one(text, "Kofi Mensah", EMPTY)!;
    expect(o.id).toBe("kofi-mensah");
    expect(o.mentions.map((m) => [m.text, m.sentence])).toEqual([["Kofi Mensah", 1], ["Mensah", 2]]);
    expect(o.provenance).toEqual({ article: "test", sentence: 1, start: 12, end: 23 });
  });
});
