/**
 * A progress bar on stderr for long CLI batches: redrawn in place on a terminal, one line per
 * tenth when stderr is a file or a pipe (logs stay short and readable).
 */
export type ProgressBar = { update(done: number, total: number): void; finish(): void };

const WIDTH = 30;

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const percent = Math.floor(fraction * 100);
      const text = `${label} [${'#'.repeat(Math.round(fraction * WIDTH)).padEnd(WIDTH, '.')}] ${String(percent).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
      if (stream.isTTY) {
        stream.write(`\r${text}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${text}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
