/** The command line split into its parts. Which options a command accepts is checked against its table entry. */
export interface Args {
  command: string | undefined;
  positionals: string[];
  options: Set<string>;
  /** Values of the options that take one (`--to csl-json` or `--to=csl-json`). */
  values: Map<string, string>;
}

/** Options that take a value, whichever command they belong to. */
const VALUED = new Set(['--to', '--format', '--page']);

/** One entry of the CLI's command table. */
export interface Command {
  /** The synopsis after `presscut `, e.g. `parse FILE [--json]`. */
  usage: string;
  /** One line for `--help`. */
  summary: string;
  /** The options this command accepts, besides `--help`. */
  options: readonly string[];
  /** Runs the command; resolves to the exit code. Throws a CliError for bad usage or unusable input. */
  run(args: Args): Promise<number>;
}

/** Splits argv (without node and the script) into a command, positionals and `--flag` options. */
export function splitArgs(argv: readonly string[]): Args {
  const words: string[] = [];
  const options = new Set<string>();
  const values = new Map<string, string>();
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!optionsEnded && VALUED.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      options.add(name);
      if (value !== undefined) values.set(name, value);
    } else if (!optionsEnded && arg === '--') optionsEnded = true;
    // A lone '-' names standard input, so it is a positional, not an option.
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-') options.add(arg === '-h' ? '--help' : arg);
    else words.push(arg);
  }
  const [command, ...positionals] = words;
  return { command, positionals, options, values };
}
