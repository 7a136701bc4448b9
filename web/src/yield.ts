/**
 * Lets the browser run what is waiting (input, rendering, other tasks) before going on with sliced
 * work. Not setTimeout(0): nested timers are clamped to 4 ms, which, with slices of ~16 ms, idles the
 * main thread a fifth of the time (about a second over the load of a 50,000-node graph). Chromium's
 * scheduler.yield() when there is one, else a MessageChannel message (a task of its own, not clamped).
 */
interface YieldingScheduler {
  yield(): Promise<void>;
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
