/**
 * Progress of a long run, per phase ("extract" articles, "write" rows): a cli-progress bar with rate
 * and ETA on a terminal, throttled pino JSON lines otherwise (CI, pipes, files), nothing when silent.
 */
import { isatty } from 'node:tty';
import cliProgress from 'cli-progress';
import type { Logger } from '../logger.js';

export interface ProgressReporter {
  start(phase: string, total: number, unit: string): void;
  update(done: number): void;
  stop(): void;
}

export const silentProgress: ProgressReporter = { start() {}, update() {}, stop() {} };

class BarProgress implements ProgressReporter {
  private bar: cliProgress.SingleBar | undefined;
  private started = 0;
  start(phase: string, total: number, unit: string): void {
    this.stop();
    this.started = Date.now();
    this.bar = new cliProgress.SingleBar(
      {
        format: `${phase.padEnd(8)} [{bar}] {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { rate: '0' });
  }
  update(done: number): void {
    const seconds = (Date.now() - this.started) / 1000;
    this.bar?.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(0) : '0' });
  }
  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

class LogProgress implements ProgressReporter {
  private phase = '';
  private unit = '';
  private total = 0;
  private started = 0;
  private lastLog = 0;
  private done = 0;
  constructor(
    private readonly log: Logger,
    private readonly everyMs: number,
  ) {}
  start(phase: string, total: number, unit: string): void {
    Object.assign(this, { phase, total, unit, started: Date.now(), lastLog: Date.now(), done: 0 });
  }
  update(done: number): void {
    this.done = done;
    this.log.debug({ phase: this.phase, done, total: this.total, unit: this.unit }, 'progress');
    if (Date.now() - this.lastLog >= this.everyMs) {
      this.lastLog = Date.now();
      this.emit();
    }
  }
  stop(): void {
    if (this.phase) this.emit();
    this.phase = '';
  }
  private emit(): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? (this.total - this.done) / rate : undefined;
    this.log.info(
      {
        phase: this.phase,
        done: this.done,
        total: this.total,
        unit: this.unit,
        rate: Math.round(rate),
        etaSeconds: eta && Math.round(eta),
      },
      'progress',
    );
  }
}

export function createProgress(
  log: Logger,
  options: { tty?: boolean; everyMs?: number } = {},
): ProgressReporter {
  const tty = options.tty ?? isatty(2);
  return tty ? new BarProgress() : new LogProgress(log, options.everyMs ?? 2000);
}
