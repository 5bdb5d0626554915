/** EX_IOERR (sysexits.h): output could not be written. */
const EXIT_OUTPUT_FAILED = 74;

/**
 * `obs-bot eval --json | head` closes the pipe before the output ends. Like any Unix tool, the
 * CLI then stops quietly: the reader has what it wanted, and an unhandled EPIPE would print a
 * Node stack trace instead. Any other failure to write is said in one line, not a stack trace.
 */
export function stopQuietlyWhenReaderCloses(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      exit(0);
      return;
    }
    process.stderr.write(`obs-bot: cannot write the output: ${error.message}\n`);
    exit(EXIT_OUTPUT_FAILED);
  });
}
