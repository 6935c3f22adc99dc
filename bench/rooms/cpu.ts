import { readFileSync } from 'node:fs';

/*
 * CPU time from /proc (Linux), to show where the two cores went during the measured window: the server
 * process, the load process, and the whole machine (PostgreSQL and other people's work included).
 * Elsewhere every reading is null.
 */

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux we run on.

/** utime + stime of a process, in ms. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The PostgreSQL backends serving one database: their CPU over a window, in percent of one core. */
export function backendsCpuWindow(pids: number[]): { end(pidsNow: number[]): number } {
  const t0 = performance.now();
  const start = new Map(pids.map((pid) => [pid, processCpuMs(pid)]));
  return {
    end(pidsNow) {
      const wallMs = performance.now() - t0;
      let used = 0;
      for (const pid of pidsNow) {
        const now = processCpuMs(pid);
        if (now === null) continue;
        // A backend started during the window (the pool grew) spent all of its time in it.
        used += now - (start.get(pid) ?? 0);
      }
      return Math.round((used / wallMs) * 100);
    },
  };
}

export interface MachineCpu {
  busyMs: number;
  totalMs: number;
}

/** Busy and total CPU time of the whole machine (all cores), in ms. */
export function machineCpu(): MachineCpu | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = ticks[3]! + ticks[4]!;
    return { busyMs: ((total - idle) * 1000) / TICKS_PER_SECOND, totalMs: (total * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

export interface CpuWindow {
  /** Percent of one core. */
  server_pct: number | null;
  /** Percent of the whole machine: 100 = every core busy. */
  machine_busy_pct: number | null;
}

export function cpuWindow(serverPid: number | undefined): { end(): CpuWindow } {
  const t0 = performance.now();
  const server0 = processCpuMs(serverPid);
  const machine0 = machineCpu();
  return {
    end() {
      const wallMs = performance.now() - t0;
      const server1 = processCpuMs(serverPid);
      const machine1 = machineCpu();
      return {
        server_pct:
          server0 !== null && server1 !== null ? Math.round(((server1 - server0) / wallMs) * 100) : null,
        machine_busy_pct:
          machine0 && machine1
            ? Math.round(((machine1.busyMs - machine0.busyMs) / (machine1.totalMs - machine0.totalMs)) * 100)
            : null,
      };
    },
  };
}
