// The eSpeak NG WebAssembly worker of the Speech stand-in (EspeakWasm.java starts it).
// Protocol, one JSON object per line:
//   out, once at start:  {"ready": true, "version": "1.52-dev", "node": "v20.20.2"}
//   in:                  {"id": 7, "voice": "en-us+f3", "text": "Hello"}
//   out:                 {"id": 7, "wav": "<base64 RIFF WAVE>"}  or  {"id": 7, "error": "..."}
// The module is compiled once; each request gets a fresh instance (eSpeak keeps global state, so
// nothing of one request can reach the next), made from the compiled module through Emscripten's
// instantiateWasm hook: about 0.2 s a call, against 0.5-0.9 s when the package is loaded each time.
// The text goes in as a file, not as an argument: a text starting with '-' is then never taken
// for an option, and a long text cannot overflow the 64 KB stack that holds the arguments.
import ESpeakNg from "espeak-ng";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

const wasmFile = join(dirname(createRequire(import.meta.url).resolve("espeak-ng")), "espeak-ng.wasm");
const compiled = await WebAssembly.compile(await readFile(wasmFile));

async function run(args, text) {
  const errors = [];
  const output = [];
  const instance = await new Promise((resolve, reject) => {
    ESpeakNg({
      arguments: args,
      preRun: [(module) => module.FS.writeFile("/in.txt", text ?? "")],
      print: (line) => output.push(line),
      // Emscripten adds a note that the runtime stays alive after main(); it is not an error.
      printErr: (line) => { if (!line.startsWith("program exited")) errors.push(line); },
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(compiled, imports).then(done, reject);
        return {};
      },
    }).then(resolve, reject);
  });
  return { instance, errors, output };
}

async function speak(voice, text) {
  const { instance, errors } = await run(["-v", voice, "-b", "1", "-f", "/in.txt", "-w", "/out.wav"], text);
  try {
    return { wav: Buffer.from(instance.FS.readFile("/out.wav")).toString("base64") };
  } catch (noFile) {
    return { error: errors.join(" ").trim() || "eSpeak NG wrote no audio" };
  }
}

function send(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

const version = (await run(["--version"])).output.join(" ").match(/text-to-speech:\s*(\S+)/);
send({ ready: true, version: version ? version[1] : "unknown", node: process.version });

// One request at a time: each is CPU-bound in this one thread anyway.
let queue = Promise.resolve();
createInterface({ input: process.stdin }).on("line", (line) => {
  queue = queue.then(async () => {
    let request;
    try {
      request = JSON.parse(line);
    } catch (e) {
      send({ id: null, error: "not a JSON line: " + e.message });
      return;
    }
    try {
      send({ id: request.id, ...(await speak(String(request.voice), String(request.text ?? ""))) });
    } catch (e) {
      send({ id: request.id, error: String(e && e.message ? e.message : e) });
    }
  });
});
