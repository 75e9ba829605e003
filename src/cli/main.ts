// The `presscut` command line. Node only: everything it does besides I/O lives in the platform-free core.
import { splitArgs, type Command } from './args.js';
import { CliError } from './errors.js';
import { convertCommand, exportValidateCommand } from './exchange-commands.js';
import { parseCommand } from './parse-command.js';

// A Map, not an object literal, so that `presscut toString` is an unknown command rather than a prototype method.
const commands = new Map<string, Command>([
  ['parse', parseCommand],
  ['export-validate', exportValidateCommand],
  ['convert', convertCommand],
]);

function usage(): string {
  const rows = [...commands.values()].map((c) => `  presscut ${c.usage}\n      ${c.summary}`);
  return [
    'Usage:',
    ...rows,
    '  presscut --help',
    '',
    'Exit codes: 0 done (warnings, e.g. invalid UTF-8, go to stderr), 1 internal error,',
    '2 bad command line or unusable input (missing, unreadable, empty, binary).',
    '',
  ].join('\n');
}

/** Runs the CLI on argv (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = splitArgs(argv);
  if (args.options.has('--help')) {
    process.stdout.write(usage());
    return 0;
  }
  const hint = "(see 'presscut --help')";
  if (args.command === undefined) throw new CliError(`no command given ${hint}`);
  const command = commands.get(args.command);
  if (!command) throw new CliError(`unknown command '${args.command}' ${hint}`);
  for (const option of args.options) {
    if (!command.options.includes(option)) throw new CliError(`unknown option '${option}' for '${args.command}' ${hint}`);
  }
  return command.run(args);
}

// `presscut parse big.txt --json | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// exitCode rather than process.exit(), so that a large JSON page still drains to a pipe before Node exits.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`presscut: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`presscut: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
