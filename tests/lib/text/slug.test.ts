import { describe, expect, it } from "vitest";
import { slugify } from "../../../lib/text/slug";

describe("slugify", () => {
  it("makes one id namespace for chemicals, actors and file names", () => {
    expect(slugify("para-Fluorofentanyl")).toBe("para-fluorofentanyl");
    expect(slugify("α-PHP")).toBe("alpha-php");
    expect(slugify("Ministry of Public Security")).toBe("ministry-of-public-security");
    expect(slugify("Claudia Sheinbaum Pardo")).toBe("claudia-sheinbaum-pardo");
    expect(slugify("José Ramón")).toBe("jose-ramon");
    expect(slugify("O'Neill")).toBe("oneill");
    expect(slugify("Xi’s")).toBe("xis");
    expect(slugify("  Tariff cut! ")).toBe("tariff-cut");
    expect(slugify("N-(4-fluorophenyl)")).toBe("n-4-fluorophenyl");
    expect(slugify("!!")).toBe("");
  });
});
