import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeWatches, listedFiles, listIfChanged } from "../../../lib/content/loader";
import { joinListings, listArticleFiles, listInWorker, listPacked, packStamps, sameListing, startEarlyListing, takeEarlyListing, unpackStamps } from "../../../lib/content/listing";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "pw-listing-"));
  // Root-level files and folders, a name with a newline and one with a backslash, a link.
  for (const folder of ["a", "b", "c", "d", "e"]) {
    mkdirSync(path.join(root, folder));
    for (let i = 0; i < 3; i++) writeFileSync(path.join(root, folder, `${folder}-${i}.md`), `# ${folder} ${i}\n`);
  }
  writeFileSync(path.join(root, "top.md"), "# top\n");
  writeFileSync(path.join(root, "odd\nname.md"), "# odd\n");
  writeFileSync(path.join(root, "back\\slash.md"), "# back\n");
  symlinkSync(path.join(root, "a", "a-0.md"), path.join(root, "link.md"));
});

afterEach(() => {
  closeWatches();
  rmSync(root, { recursive: true, force: true });
});

describe("packed listings", () => {
  it("unpack to the stamps they were packed from, links included", () => {
    const { files } = listArticleFiles(root);
    const packed = listPacked(root);
    expect(packed.links).toEqual([["link.md", path.join(root, "a", "a-0.md")]]);
    expect(unpackStamps(packed)).toEqual(files);
    expect(files.map((f) => f.file)).toContain("odd\nname.md");
    expect(unpackStamps({ root, stamps: packStamps([]), links: [] })).toEqual([]);
  });

  it("are listed in parts that, joined, are the whole folder", () => {
    const whole = listPacked(root);
    for (const at of [0.2, 0.5, 0.6, 0.9]) {
      const joined = joinListings([listPacked(root, { from: 0, to: at }), listPacked(root, { from: at, to: 1 })]);
      expect(sameListing(joined, whole)).toBe(true);
      expect(unpackStamps(joined)).toEqual(unpackStamps(whole));
    }
    expect(listPacked(root, { from: 0.5, to: 1 }).folders).not.toContain(root);
  });

  it("tell a changed stamp apart", () => {
    const before = listPacked(root);
    utimesSync(path.join(root, "c", "c-1.md"), new Date(), new Date(Date.UTC(2030, 0, 1)));
    expect(sameListing(listPacked(root), before)).toBe(false);
    expect(sameListing(listPacked(root), listPacked(root))).toBe(true);
  });

  it("are listed the same in a worker thread", async () => {
    const inWorker = await listInWorker(root, { from: 0, to: 0.6 });
    expect(inWorker).toBeDefined();
    expect(sameListing(inWorker!, listPacked(root, { from: 0, to: 0.6 }))).toBe(true);
  });
});

describe("the early listing of a server's start", () => {
  it("is taken once, whole, and the next taker lists the folder itself", async () => {
    await startEarlyListing(root);
    const taken = await takeEarlyListing(root);
    expect(taken && sameListing(taken, listPacked(root))).toBe(true);
    expect(await takeEarlyListing(root)).toBeUndefined();
  });

  it("serves the first load of a watched folder, and what changed after it shows on a later load", async () => {
    await startEarlyListing(root);
    // Written after the worker listed its part, before the folder is watched.
    const changed = path.join(root, "a", "a-1.md");
    writeFileSync(changed, "# a 1, longer now\n");
    const first = await listIfChanged(root, { watch: true });
    expect(first).toBeDefined();
    const stampOf = (listing: NonNullable<typeof first>) => listedFiles(listing).find((f) => f.file === "a/a-1.md")!.size;
    expect(stampOf(first!)).toBe("# a 1\n".length);
    // The check after the watch started finds the change and marks the folder changed.
    let later: Awaited<ReturnType<typeof listIfChanged>>;
    const deadline = Date.now() + 20_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      later = await listIfChanged(root, { watch: true });
    } while (!later && Date.now() < deadline);
    expect(later && stampOf(later)).toBe("# a 1, longer now\n".length);
  });
});
