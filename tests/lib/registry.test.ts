import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Registries } from "../../lib/extract/context";
import { loadRegistries, type RegistryMemory } from "../../lib/registry";
import { openDatabase, recallRegistries, rememberRegistries } from "../../lib/store";

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

  it("keeps a clean parse in its memory, by text, and takes it back from there in a fresh folder", async () => {
    const kept = new Map<string, Registries>();
    const memory: RegistryMemory = { recall: (key) => kept.get(key), remember: (key, registries) => void kept.set(key, registries) };
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-registry-"));
    writeFileSync(path.join(dir, "actors.yaml"), actors);
    writeFileSync(path.join(dir, "chemicals.yaml"), chemical(""));
    const parsed = await loadRegistries(dir, memory);
    expect(kept.size).toBe(1);
    // Another folder with the same text (a new process sees the same as a new folder: no cache).
    const again = mkdtempSync(path.join(os.tmpdir(), "pw-registry-"));
    try {
      writeFileSync(path.join(again, "actors.yaml"), actors);
      writeFileSync(path.join(again, "chemicals.yaml"), chemical(""));
      const recalled = await loadRegistries(again, memory);
      expect(recalled.registries).toBe([...kept.values()][0]);
      expect(recalled.registries).toEqual(parsed.registries);
      expect(recalled.issues).toEqual([]);
      // A registry with problems is parsed, and not kept.
      writeFileSync(path.join(again, "chemicals.yaml"), chemical("    unknown_key: 1\n"));
      const broken = await loadRegistries(again, memory);
      expect(broken.issues.length).toBeGreaterThan(0);
      expect(kept.size).toBe(1);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it("is kept in the database for the build that parsed it", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-registry-"));
    const { db } = openDatabase(path.join(dir, "store.sqlite"), { quiet: true });
    const registries: Registries = { chemicals: { chemicals: [] }, actors: { organizations: [], people: [] } };
    rememberRegistries(db, "text-hash", "build-1", registries);
    expect(recallRegistries(db, "text-hash", "build-1")).toEqual(registries);
    expect(recallRegistries(db, "text-hash", "build-2")).toBeUndefined();
    expect(recallRegistries(db, "other-text", "build-1")).toBeUndefined();
    db.close();
  });

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
