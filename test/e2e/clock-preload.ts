import { readFileSync, watchFile, writeFileSync } from 'node:fs';

/**
 * A wall clock the browser tests can move, loaded into the server process with `--import` when E2E_CLOCK_FILE
 * is set (see startServer's `movableClock`). The test writes an offset in milliseconds to that file; the server
 * notices (a stat poll: signals are taken by the graceful shutdown), answers in `<file>.ack`, and from then on `Date.now()` and `new Date()` run that far
 * ahead. The server takes all its time from `systemClock` (`new Date()`), so deadlines, sessions, the job
 * scheduler and the sanctions sweep all move with it. Nothing under src/ knows about this.
 */
const file = process.env.E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offset = 0;
  const read = () => {
    offset = Number(readFileSync(file, 'utf8').trim()) || 0;
    writeFileSync(`${file}.ack`, String(offset));
  };
  read();
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length === 0 ? [RealDate.now() + offset] : args, newTarget),
    // Date() called as a function returns the current time as a string.
    apply: () => new RealDate(RealDate.now() + offset).toString(),
    get: (target, key, receiver) =>
      key === 'now' ? () => RealDate.now() + offset : Reflect.get(target, key, receiver),
  });
  watchFile(file, { interval: 50, persistent: false }, read);
}
