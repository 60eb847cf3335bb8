/**
 * A progress bar for long layouts on an interactive terminal. In CI, in a
 * pipe or under tests the stage lines are enough, so there is no bar.
 */
export function progressBar(done: number, total: number, label: string, width = 24): string {
  const filled = total > 0 ? Math.round((width * Math.min(done, total)) / total) : 0;
  return `排版 [${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total} ${label}`;
}

export interface TerminalProgress {
  update(done: number, total: number, label: string): void;
  /** Clears the bar, so the next line starts clean. */
  end(): void;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, env = process.env): TerminalProgress | undefined {
  if (!stream.isTTY || env.CI) return undefined;
  return {
    update: (done, total, label) => stream.write(`\r${progressBar(done, total, label)}\u001b[K`),
    end: () => stream.write('\r\u001b[K'),
  };
}
