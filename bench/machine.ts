/** The machine a benchmark ran on, named in every report so figures are never read without it. */
import os from 'node:os';
import pg from 'pg';

export interface Machine {
  hostname: string;
  platform: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  postgres: string;
  /** 1, 5 and 15 minute load averages when the run began: other work on a shared machine. */
  loadAverage: number[];
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postgres: string;
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    postgres = rows[0]!.server_version;
  } finally {
    await client.end();
  }
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    postgres,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function machineLine(machine: Machine): string {
  const gib = (machine.memoryBytes / 2 ** 30).toFixed(1);
  return `${machine.cpuModel}, ${machine.cores} cores, ${gib} GiB, ${machine.platform}; Node ${machine.node}, PostgreSQL ${machine.postgres}; load average ${machine.loadAverage.join(' / ')}`;
}
