// Runs a command as a whole process and measures its wall time and peak resident memory. Peak
// memory is the kernel's high-water mark (VmHWM in /proc/<pid>/status), read until the process
// ends; it counts every thread, so dmlint's worker threads are included.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const POLL_MS = 5;

function highWaterMark(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    // The process has ended between two reads: the last reading stands.
    return null;
  }
}

/** { wall (ms), rss (bytes, or null where /proc is missing), code, stdout, stderr } */
export function measure(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let rss = null;
    const poll = setInterval(() => {
      const reading = highWaterMark(child.pid);
      if (reading !== null) rss = Math.max(rss ?? 0, reading);
    }, POLL_MS);
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('exit', (code) => {
      const wall = performance.now() - started;
      clearInterval(poll);
      child.on('close', () => resolve({ wall, rss, code, stdout, stderr }));
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
