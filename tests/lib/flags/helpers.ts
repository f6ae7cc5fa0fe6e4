import { registryDir } from "../../../lib/content/loader";
import type { Registries } from "../../../lib/extract/context";
import { extractAll } from "../../../lib/extract";
import { articleFlags } from "../../../lib/flags";
import { loadRegistries } from "../../../lib/registry";

let cached: Registries | undefined;
export async function projectRegistries(): Promise<Registries> {
  cached ??= (await loadRegistries(registryDir())).registries;
  return cached;
}

/** The flags of an inline article: [kind, flagged words]. */
export async function flagsOf(body: string, date: string, slug = "t") {
  const registries = await projectRegistries();
  const extraction = extractAll(body, { slug, date, registries });
  return articleFlags({ slug, date, body }, extraction, registries);
}

export const brief = (flags: Awaited<ReturnType<typeof flagsOf>>) => flags.map((f) => [f.kind, f.text]);
