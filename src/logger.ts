import { isatty } from 'node:tty';
import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Logs go to stderr so stdout stays clean for command output (JSON, CSV, graphs).
 * Pretty, human-readable lines on a terminal; one JSON object per line otherwise (CI, pipes, files).
 */
export function createLogger(level: string, fd = 2): Logger {
  if (isatty(fd)) {
    return pino({
      level,
      transport: {
        target: 'pino-pretty',
        options: { destination: fd, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ level, base: undefined }, pino.destination({ fd, sync: true }));
}
