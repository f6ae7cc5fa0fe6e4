import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadRegistries } from "../../lib/registry";

const actors = `organizations:
  - id: united-states
    name: United States
    type: country
    iso: US
  - id: dea
    name: Drug Enforcement Administration
    type: government-body
    aliases: [DEA]
    country: united-states
people: []
`;

const chemical = (extra: string) => `chemicals:
  - id: npp
    name: NPP
    role: precursor
    cas: 39742-60-4
    controls:
      - jurisdiction: united-states
        instrument: DEA List I
        announced: 2007-04-23
        effective: 2008-07-25
        source: https://example.org/npp
${extra}`;

describe("loadRegistries", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads valid registries without issues", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-registry-"));
    writeFileSync(path.join(dir, "actors.yaml"), actors);
    writeFileSync(path.join(dir, "chemicals.yaml"), chemical(""));
    const loaded = await loadRegistries(dir);
    expect(loaded.issues).toEqual([]);
    expect(loaded.registries.chemicals.chemicals[0].controls[0].jurisdiction).toBe("united-states");
  });

  it("names the file and line of duplicate ids, bad CAS digits, unknown jurisdictions and reversed dates", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-registry-"));
    writeFileSync(path.join(dir, "actors.yaml"), actors);
    writeFileSync(
      path.join(dir, "chemicals.yaml"),
      chemical(`  - id: npp
    name: NPP again
    role: precursor
    cas: 39742-60-5
    controls:
      - jurisdiction: atlantis
        instrument: List
        announced: 2020-05-01
        effective: 2020-04-01
        source: https://example.org/x
`),
    );
    const { issues } = await loadRegistries(dir);
    const rows = issues.map((i) => [i.file, i.line, i.field]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["registry/chemicals.yaml", 12, "chemicals.1.id"],
        ["registry/chemicals.yaml", 15, "chemicals.1.cas"],
        ["registry/chemicals.yaml", 17, "chemicals.1.controls.0.jurisdiction"],
        ["registry/chemicals.yaml", 20, "chemicals.1.controls.0.effective"],
      ]),
    );
  });

  it("keeps the last valid registry when a file stops fitting the schema", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-registry-"));
    writeFileSync(path.join(dir, "actors.yaml"), actors);
    writeFileSync(path.join(dir, "chemicals.yaml"), chemical(""));
    await loadRegistries(dir);
    writeFileSync(path.join(dir, "chemicals.yaml"), "chemicals:\n  - id: npp\n    name: [broken\n");
    const after = await loadRegistries(dir);
    expect(after.registries.chemicals.chemicals.map((c) => c.id)).toEqual(["npp"]);
    expect(after.issues.map((i) => i.kind)).toEqual(expect.arrayContaining(["yaml-syntax", "registry-invalid"]));
  });
});
