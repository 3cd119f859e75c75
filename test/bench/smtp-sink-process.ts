/**
 * The benchmark's SMTP sink in a process of its own, as a real mail server would be: in the
 * benchmark's process it took turns on the event loop with the jobs it was counting. Answers
 * "stats" with the messages accepted and its CPU time so far.
 */
import { startSmtpSink } from '../support/smtp-sink';

export interface SinkStats {
  accepted: number;
  cpuMicros: number;
}

async function main(): Promise<void> {
  const sink = await startSmtpSink({ keep: false });
  process.on('message', (request: string) => {
    if (request === 'stats') {
      const cpu = process.cpuUsage();
      process.send!({ accepted: sink.accepted(), cpuMicros: cpu.user + cpu.system } satisfies SinkStats);
    }
  });
  process.on('disconnect', () => void sink.close().then(() => process.exit(0)));
  process.send!({ url: sink.url });
}

void main();
