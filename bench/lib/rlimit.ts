import { readFileSync } from 'node:fs';

/**
 * The open-files limit of this process, which the servers and subscriber processes it spawns
 * inherit (/proc/self/limits): every WebSocket is a file descriptor on both ends.
 */
export function getrlimit(): { soft: number; hard: number } {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  const [soft, hard] = (line ?? '').replace('Max open files', '').trim().split(/\s+/).map(Number);
  return { soft: soft ?? Number.NaN, hard: hard ?? Number.NaN };
}
