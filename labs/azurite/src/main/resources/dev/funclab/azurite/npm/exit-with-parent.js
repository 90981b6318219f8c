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
