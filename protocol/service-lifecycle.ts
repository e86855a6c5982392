/**
 * How a Lantai service process starts and stops, shared by every index.ts. A supervisor (the
 * demo, the end-to-end tests) forks services with an IPC channel: a service tells it the port
 * it bound, and exits when the channel closes, so that no service outlives its supervisor
 * even when the supervisor is killed.
 */
import { describeForLog } from './redaction.js';

export interface ListeningMessage {
  type: 'listening';
  service: string;
  port: number;
}

/**
 * A service's settings, read once at start by `read`; a missing or malformed one ends the
 * process with status 2 and the message that says what to set, before anything is opened.
 */
export function settingsOrExit<T>(service: string, read: (warn: (message: string) => void) => T): T {
  try {
    return read((message) => console.warn(`${service}: ${message}`));
  } catch (error) {
    console.error(`${service}: ${(error as Error).message}`);
    process.exit(2);
  }
}

export function isListeningMessage(message: unknown): message is ListeningMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as ListeningMessage).type === 'listening' &&
    typeof (message as ListeningMessage).port === 'number'
  );
}

/** Tells the supervisor (if any) and the operator which port the service bound. */
export function announceListening(service: string, port: number, urls: string[]): void {
  const message: ListeningMessage = { type: 'listening', service, port };
  process.send?.(message);
  for (const url of urls) console.log(`${service}: ${url}`);
}

/**
 * Runs `stop` once on SIGINT, SIGTERM or when the supervisor goes away, then exits. A second
 * signal exits at once.
 */
export function stopOnSignals(service: string, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    const timer = setTimeout(() => {
      console.error(`${service}: did not stop within 10 s after ${reason}; exiting`);
      process.exit(1);
    }, 10_000);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${service}: error while stopping: ${describeForLog(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  if (process.send) process.on('disconnect', () => shutdown('supervisor disconnect'));
}
