/**
 * `npm run import` arguments: inputs and options, with every mistake in words. A bare
 * `--match` (followed by nothing, another option, or something that is an input) means
 * the default word list.
 */
import { matchWords } from "./match";

export interface ImportArgs {
  inputs: string[];
  match?: string[];
  date?: string;
  source?: string;
  url?: string;
  strict?: boolean;
  out?: string;
  /** Seconds. */
  timeout?: number;
  help?: boolean;
  errors: string[];
}

/** Whether an argument is an input rather than a value: a URL, a path that exists, or a file name. */
export function looksLikeInput(arg: string | undefined, exists: (p: string) => boolean): boolean {
  return !arg || arg.startsWith("--") || /^https?:\/\//i.test(arg) || exists(arg) || /\.[a-z]{2,8}$/i.test(arg) || arg.includes("/");
}

export function parseImportArgs(argv: readonly string[], exists: (p: string) => boolean): ImportArgs {
  const out: ImportArgs = { inputs: [], errors: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    if (!arg.startsWith("-")) {
      out.inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    switch (flag) {
      case "--match":
        out.match = matchWords(inline ?? (looksLikeInput(argv[i + 1], exists) ? undefined : argv[++i]));
        break;
      case "--date":
      case "--source":
      case "--url":
      case "--out":
      case "--timeout": {
        const value = inline ?? (argv[i + 1]?.startsWith("--") ? undefined : argv[++i]);
        if (value === undefined || value.trim() === "") out.errors.push(`${flag} needs a value`);
        else if (flag === "--timeout") {
          out.timeout = Number(value);
          if (!(out.timeout > 0)) out.errors.push(`--timeout must be a number of seconds, not "${value}"`);
        } else out[flag.slice(2) as "date" | "source" | "url" | "out"] = value;
        break;
      }
      case "--strict":
        out.strict = true;
        break;
      case "--help":
      case "-h":
        out.help = true;
        break;
      default:
        out.errors.push(`unknown option ${arg}`);
    }
  }
  if (out.url && !/^https?:\/\/\S+$/i.test(out.url)) out.errors.push(`--url must be an http(s) URL, not "${out.url}"`);
  return out;
}
