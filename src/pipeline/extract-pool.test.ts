import { describe, expect, it } from 'vitest';
import { defaultWorkerCount, MIN_CORES_FOR_WORKERS, WORKER_THRESHOLD_BYTES } from './extract-pool.js';

describe('defaultWorkerCount', () => {
  it('uses no workers for small inputs or on fewer cores than MIN_CORES_FOR_WORKERS', () => {
    expect(defaultWorkerCount(WORKER_THRESHOLD_BYTES - 1, 16)).toBe(0);
    expect(defaultWorkerCount(50 * WORKER_THRESHOLD_BYTES, 2)).toBe(0);
    expect(defaultWorkerCount(50 * WORKER_THRESHOLD_BYTES, MIN_CORES_FOR_WORKERS - 1)).toBe(0);
  });

  it('leaves one core to the main thread on larger machines', () => {
    expect(defaultWorkerCount(WORKER_THRESHOLD_BYTES, MIN_CORES_FOR_WORKERS)).toBe(MIN_CORES_FOR_WORKERS - 1);
    expect(defaultWorkerCount(50 * WORKER_THRESHOLD_BYTES, 16)).toBe(15);
  });
});
