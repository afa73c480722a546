/**
 * The progress bar, on stderr and only on a terminal; lines logged around it do not tear it.
 */
import process from 'node:process';

export class Progress {
  private done = 0;
  private shown = false;
  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly label: string,
  ) {}

  tick(name: string): void {
    this.done++;
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((width * this.done) / this.total);
    const shortName = name.length > 40 ? '…' + name.slice(-39) : name;
    process.stderr.write(
      `\r\u001b[2K${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.done}/${this.total} ${shortName}`,
    );
    this.shown = true;
  }

  /** Prints a line on stderr without tearing the bar. */
  log(line: string): void {
    if (this.shown) process.stderr.write('\r\u001b[2K');
    process.stderr.write(line + '\n');
    this.shown = false;
  }

  /** Clears the bar (before the report text goes to a terminal too); the next tick draws it again. */
  clear(): void {
    if (this.shown) process.stderr.write('\r\u001b[2K');
    this.shown = false;
  }

  finish(): void {
    this.clear();
  }
}
