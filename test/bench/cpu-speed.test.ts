/**
 * The CPU's own speed during a scenario (bench/cpu-speed.ts): a host that runs the machine's
 * cores slower for a while, unseen by the load average, is found by the probe; what that does to
 * the verdicts is in machine-load.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { calibrateCpu, CpuSpeedWatch, fullSpeedProbeMs, judgeCpuSpeed, MAX_SLOW_SHARE, SLOW_FACTOR } from '../../bench/cpu-speed.js';
import { probes } from './probes.js';

describe('the CPU speed probe', () => {
  it('takes full speed from the fastest probes, not from one lucky one', () => {
    expect(fullSpeedProbeMs([5, 5.1, 4.9, 2.5, 5.2, 5.3, 9.8, 10.1])).toBe(5);
    expect(fullSpeedProbeMs([7])).toBe(7);
    expect(fullSpeedProbeMs([])).toBeNaN();
  });

  it('finds a scenario slow when more than a twentieth of its probes ran slow', () => {
    const atFullSpeed = judgeCpuSpeed(probes(0), 4.8);
    expect(atFullSpeed.slow).toBe(false);
    expect(atFullSpeed.slowShare).toBe(0);
    expect(atFullSpeed.medianSlowdown).toBeGreaterThan(0.9);
    expect(atFullSpeed.medianSlowdown).toBeLessThan(SLOW_FACTOR);
    expect(atFullSpeed.probes).toBe(20);

    // One probe in twenty is within MAX_SLOW_SHARE; two are not.
    expect(judgeCpuSpeed(probes(1), 4.8)).toMatchObject({ slow: false, slowShare: 0.05 });
    expect(MAX_SLOW_SHARE).toBe(0.05);
    const halfSpeedAWhile = judgeCpuSpeed(probes(2), 4.8);
    expect(halfSpeedAWhile).toMatchObject({ slow: true, slowShare: 0.1, worstSlowdown: 2.08 });
    expect(judgeCpuSpeed(probes(14), 4.8)).toMatchObject({ slow: true, medianSlowdown: 2.08 });
  });

  it('takes probes in a worker thread while the main thread works, one as it starts and one as it stops at least', async () => {
    const calibration = await calibrateCpu(4);
    expect(calibration).toHaveLength(4);
    const watch = await CpuSpeedWatch.start({ intervalMs: 20 });
    // The scenario's work, on the main thread: a worker's probes go on meanwhile.
    let spin = 0;
    for (let i = 0; i < 5e7; i++) spin = (spin + i) % 1009;
    const during = await watch.stop();
    // One probe as it starts and one as it stops, at least.
    expect(during.length).toBeGreaterThanOrEqual(2);
    for (const ms of [...calibration, ...during]) {
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThan(0);
    }
    expect(spin).toBeGreaterThanOrEqual(0);
    // Stopped again, as the bench does after a scenario that stopped it itself: the same probes.
    expect(await watch.stop()).toEqual(during);
    const speed = judgeCpuSpeed(during, fullSpeedProbeMs([...calibration, ...during]));
    expect(speed.probes).toBe(during.length);
    expect(speed.slow).toBe(speed.slowShare > MAX_SLOW_SHARE);
  });
});
