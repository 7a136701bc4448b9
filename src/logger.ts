import { pino, type Logger } from 'pino';

export type { Logger };

/** Pretty, human-readable lines on a terminal; one JSON object per line otherwise (CI, pipes, files). */
export function createLogger(level: string, stream: NodeJS.WriteStream = process.stderr): Logger {
  if (stream.isTTY) {
    return pino({
      level,
      transport: {
        target: 'pino-pretty',
        options: { destination: stream.fd, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ level, base: undefined }, pino.destination({ fd: stream.fd, sync: true }));
}
