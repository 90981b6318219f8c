// Loaded with `node --require` before Azurite: stops it when the JVM that started it is gone, even
// when that JVM was killed outright (SIGKILL skips its shutdown hooks). Two signs, as platforms
// differ: the pipe the JVM holds to our stdin closes, and (on Linux and macOS) a dead parent's
// child is handed to another process, so its parent process id changes.
const parent = process.ppid;
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 1000).unref();

// Ctrl+C in a terminal interrupts every process of the foreground group, this one too. The JVM that
// started it decides when it stops (SIGTERM, or by going away), after finishing its own work with it:
// so SIGINT is ignored here, including by handlers the program registers later.
process.on('SIGINT', () => {});
for (const method of ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']) {
  const register = process[method].bind(process);
  process[method] = (event, listener) => (event === 'SIGINT' ? process : register(event, listener));
}
