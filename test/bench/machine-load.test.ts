/**
 * The load the bench records before each scenario: other processes' CPU share, apart from the
 * benchmark's own process tree, and what a busy machine or a slow CPU does to the verdicts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { BUSY_OTHERS_CPU_SHARE, machineLoadLine, sampleMachineLoad, type MachineLoad } from '../../bench/machine.js';
import { judgeCpuSpeed } from '../../bench/cpu-speed.js';
import { atMost, formatScenario, judgedUnder, type ScenarioResult } from '../../bench/report.js';
import { probes } from './probes.js';

let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill();
    await once(child, 'exit');
  }
  child = undefined;
});

const quiet: MachineLoad = { loadAverage1: 0.4, othersCpuShare: 0.05, ownCpuShare: 0.1, sampleMs: 1000, busy: false };
const busy: MachineLoad = { loadAverage1: 3.1, othersCpuShare: 0.6, ownCpuShare: 0.1, sampleMs: 1000, busy: true };

function timedScenario(scenario: ScenarioResult['scenario'] = 'search'): ScenarioResult {
  return { scenario, title: 't', rows: [], targets: [atMost('search p95 ≤ 150 ms', 120, 150, 'ms'), atMost('floor ratio ≤ 1.5', 2, 1.5, '×')], notes: [] };
}

describe('machine load before a scenario', () => {
  it("counts a busy child of the benchmark as the benchmark's own CPU, not as other processes'", async () => {
    child = spawn(process.execPath, ['-e', 'process.stdout.write("spinning\\n"); for (;;) {}'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout!, 'data');
    const load = await sampleMachineLoad(500);
    expect(load.ownCpuShare).toBeGreaterThan(0);
    expect(load.othersCpuShare).toBeGreaterThanOrEqual(0);
    expect(load.othersCpuShare).toBeLessThanOrEqual(1);
    expect(load.ownCpuShare + load.othersCpuShare).toBeLessThanOrEqual(1.001);
    expect(load.busy).toBe(load.othersCpuShare > BUSY_OTHERS_CPU_SHARE);
    expect(load.loadAverage1).toBeGreaterThanOrEqual(0);
  });

  it('judges no target of a timed scenario measured on a busy machine, and says why', () => {
    const judged = judgedUnder(timedScenario(), busy);
    expect(judged.machineLoad).toEqual(busy);
    expect(judged.targets.map((t) => t.met)).toEqual([null, null]);
    for (const t of judged.targets) expect(t.detail).toMatch(/not judged: the machine was busy \(other processes 60 %/);
    expect(judged.targets.map((t) => t.figure)).toEqual([120, 2]);
    expect(machineLoadLine(busy)).toMatch(/BUSY/);
  });

  it('judges targets as measured on a quiet machine, and judges counts whatever the load', () => {
    expect(judgedUnder(timedScenario(), quiet).targets.map((t) => t.met)).toEqual([true, false]);
    expect(judgedUnder(timedScenario('work'), busy).targets.map((t) => t.met)).toEqual([true, false]);
    expect(machineLoadLine(quiet)).not.toMatch(/BUSY/);
  });
});

describe('the CPU speed during a scenario', () => {
  it('leaves the timed targets of a scenario run on a slow CPU unjudged, and says why', () => {
    const slow = judgeCpuSpeed(probes(6), 4.8);
    const judged = judgedUnder(timedScenario(), quiet, slow);
    expect(judged.targets.map((t) => t.met)).toEqual([null, null]);
    expect(judged.targets.map((t) => t.figure)).toEqual([120, 2]);
    for (const t of judged.targets) expect(t.detail).toMatch(/^not judged: the CPU ran slow \(30 % of the probes over 1\.3× full speed/);
    expect(judged.cpuSpeed).toEqual(slow);
    expect(formatScenario(judged)).toMatch(/CPU speed during this scenario: .* SLOW CPU: 30 %/);

    // At full speed the verdicts stand; counts are judged whatever the speed.
    expect(judgedUnder(timedScenario(), quiet, judgeCpuSpeed(probes(0), 4.8)).targets.map((t) => t.met)).toEqual([true, false]);
    expect(judgedUnder(timedScenario('work'), quiet, slow).targets.map((t) => t.met)).toEqual([true, false]);
  });

});
