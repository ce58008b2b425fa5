/** A one-line progress bar on a terminal's stderr; silent when stderr is not a TTY (logs, CI). */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private last = 0;
  constructor(private total: number, private label = '') {}

  tick(done: number, note = ''): void {
    if (!this.tty) return;
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, this.total));
    process.stderr.write(`\r${this.label}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${note}\x1b[K`);
  }

  done(): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
  }
}
