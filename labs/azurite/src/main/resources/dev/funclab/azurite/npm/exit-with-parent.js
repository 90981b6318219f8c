// Loaded with `node --require` before Azurite: stops it when the JVM that started it is gone, even
// when that JVM was killed outright (SIGKILL skips its shutdown hooks). A dead parent's child is
// handed to another process, so its parent process id changes.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 1000).unref();
