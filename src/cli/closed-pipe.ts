/**
 * `obs-bot eval --json | head` closes the pipe before the output ends. Like any Unix tool, the
 * CLI then stops quietly: the reader has what it wanted, and an unhandled EPIPE would print a
 * Node stack trace instead.
 */
export function stopQuietlyWhenReaderCloses(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    else throw error;
  });
}
