/**
 * `npm run new -- update|document|group|institution|observation|correction [--field value …]`
 * The command line of src/publishing/new-entry.ts: the project is the current folder, answers come from standard input
 * (asked for optional fields too when typing at a terminal), and the exit code is the command's.
 */
import { newEntry } from '../src/publishing/new-entry';

const code = await newEntry(process.argv.slice(2), {
  root: process.cwd(),
  input: process.stdin,
  interactive: Boolean(process.stdin.isTTY),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exit(code);
