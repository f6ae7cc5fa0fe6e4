import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiskCache, hashKey } from "../../../lib/cache/disk-cache";

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === "number");

describe("DiskCache", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("returns what was stored under the same key, nothing under another", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-cache-"));
    const cache = new DiskCache(dir, isNumbers);
    const key = hashKey("v1", "article text");
    cache.set(key, [1, 2, 3]);
    expect(new DiskCache(dir, isNumbers).get(key)).toEqual([1, 2, 3]);
    expect(cache.get(hashKey("v2", "article text"))).toBeUndefined();
  });

  it("treats corrupt, foreign or ill-shaped entries as missing and can rewrite them", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-cache-"));
    const cache = new DiskCache(dir, isNumbers);
    const key = hashKey("k");
    cache.set(key, [1]);
    const file = path.join(dir, key.slice(0, 2), `${key}.json`);
    for (const bad of ["{not json", JSON.stringify({ key: "other", value: [1] }), JSON.stringify({ key, value: ["x"] }), ""]) {
      writeFileSync(file, bad);
      expect(cache.get(key)).toBeUndefined();
    }
    cache.set(key, [2]);
    expect(cache.get(key)).toEqual([2]);
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("does not throw when the folder cannot be written", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "pw-cache-"));
    writeFileSync(path.join(dir, "blocker"), "a file where a folder should be");
    const cache = new DiskCache(path.join(dir, "blocker"), isNumbers);
    expect(() => cache.set(hashKey("k"), [1])).not.toThrow();
    expect(cache.get(hashKey("k"))).toBeUndefined();
  });
});
