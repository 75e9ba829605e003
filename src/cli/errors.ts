/**
 * A problem with the command line or the input, as opposed to a bug: the CLI reports it as one `presscut: ` line
 * on stderr and exits with code 2, so scripts can tell "you gave me something unusable" from a crash.
 */
export class CliError extends Error {
  override name = 'CliError';
}
