import { describe, expect, it } from "vitest";
import { addDisabledReason, crossOriginReason, isLoopbackHost, readLimited } from "../../../lib/intake/guard";

describe("isLoopbackHost", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.0.0.1:3000", true],
    ["localhost:3000", true],
    ["[::1]:3000", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["192.168.1.20:3000", false],
    ["example.com", false],
    ["127.0.0.1.evil.example", false],
    ["", false],
  ])("%s -> %s", (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
});

describe("addDisabledReason", () => {
  it("is on for loopback, off with a message otherwise, and ALLOW_ADD=1 turns it on", () => {
    expect(addDisabledReason({}, "127.0.0.1:3000")).toBeUndefined();
    expect(addDisabledReason({ host: "localhost" }, "localhost:3000")).toBeUndefined();
    expect(addDisabledReason({ host: "0.0.0.0" }, "127.0.0.1:3000")).toMatch(/listens on 0\.0\.0\.0.*ALLOW_ADD=1/);
    expect(addDisabledReason({}, "192.168.1.20:3000")).toMatch(/reached as 192\.168\.1\.20:3000/);
    expect(addDisabledReason({ host: "0.0.0.0", allowAdd: "1" }, "192.168.1.20:3000")).toBeUndefined();
  });
});

describe("crossOriginReason", () => {
  it("accepts the server's own pages only", () => {
    expect(crossOriginReason({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", secFetchSite: "same-origin" })).toBeUndefined();
    expect(crossOriginReason({ origin: "http://evil.example", host: "127.0.0.1:3000" })).toMatch(/^refused: http:\/\/evil.example is not this dashboard/);
    expect(crossOriginReason({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", secFetchSite: "cross-site" })).toMatch(/cross-site/);
    expect(crossOriginReason({ origin: "http://localhost:3000", host: "127.0.0.1:3000" })).toMatch(/refused/);
    expect(crossOriginReason({ host: "127.0.0.1:3000" })).toMatch(/no Origin/);
    expect(crossOriginReason({ origin: "null", host: "127.0.0.1:3000" })).toMatch(/no Origin/);
  });
});

describe("readLimited", () => {
  const stream = (sizes: number[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const n of sizes) controller.enqueue(new Uint8Array(n));
        controller.close();
      },
    });
  it("reads up to the limit and refuses beyond it", async () => {
    expect((await readLimited(stream([10, 20]), 30))?.length).toBe(30);
    expect(await readLimited(stream([10, 21]), 30)).toBeUndefined();
    expect((await readLimited(null, 30))?.length).toBe(0);
  });
});
