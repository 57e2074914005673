// Edit-to-diagnostics latency and memory of `doclint lsp`, driven over stdio with hand-written framing.
// Usage: node bench/lsp/latency.mjs [--edits 1000] [--total 10000] [--starts 5] COMMAND [ARGS...]
//   e.g. node bench/lsp/latency.mjs out/aot/doclint lsp
// Measures: server start to first diagnostics (median of --starts fresh servers); with one warm server, the
// time from sending an incremental edit to receiving the diagnostics of that version (p50/p95 over --edits
// edits after 100 warm-up edits); resident memory after the first diagnostics and after --total edits.
// The article is synthetic (about 10 KB of Markdown made from the sentences below), never corpus text.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  argv.splice(i, 2);
  return value;
};
const measured = option('--edits', 1000);
const total = option('--total', 10000);
const starts = option('--starts', 5);
// The server runs in a temporary folder: paths given relative to here are made absolute.
const [command, ...args] = argv.map((a) => (existsSync(a) ? resolve(a) : a));

const subjects = ['The council', 'The finance minister', 'Local traders', 'The regional authority', 'Teachers in the district', 'The port operator'];
const verbs = ['approved', 'delayed', 'questioned', 'lambasted', 'welcomed', 'reviewed'];
const objects = ['the budget plan', 'the new tariff', 'a proposal to close two schools', 'the harbour expansion', 'the transport levy', 'the audit report'];
const tails = [
  'on Tuesday after a long session.',
  'according to a senior official.',
  'and reportedly asked for more time.',
  'in a statement published on its website.',
  'while critics say the figures do not add up.',
  'after studies show costs rising since 2019.',
];

function article() {
  const lines = ['# Council weighs the harbour budget', ''];
  let size = 0;
  let n = 0;
  while (size < 10_000) {
    const sentences = [];
    for (let s = 0; s < 4; s++, n++) {
      sentences.push(`${subjects[n % 6]} ${verbs[(n * 5) % 6]} ${objects[(n * 7) % 6]} ${tails[(n * 11) % 6]}`);
    }
    const paragraph = sentences.join(' ');
    lines.push(paragraph, '');
    size += paragraph.length + 2;
  }
  return lines.join('\n');
}

const text = article();
const paragraphLines = text.split('\n').map((l, i) => [l, i]).filter(([l, i]) => i > 1 && l.length > 0).map(([, i]) => i);

class Server {
  constructor(cwd) {
    this.started = process.hrtime.bigint();
    this.process = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.waiters = [];
    this.process.stdout.on('data', (chunk) => this.receive(chunk));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (true) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 4 + length);
      const at = process.hrtime.bigint();
      this.waiters = this.waiters.filter((w) => !(w.match(message) && (w.resolve({ message, at }), true)));
    }
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
    return process.hrtime.bigint();
  }

  wait(match) {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  rssKiB() {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  }

  async stop() {
    const response = this.wait((m) => m.id === 'shutdown');
    this.send({ id: 'shutdown', method: 'shutdown' });
    await response;
    const exited = new Promise((resolve) => this.process.on('exit', resolve));
    this.send({ method: 'exit' });
    return exited;
  }
}

const ms = (from, to) => Number(to - from) / 1e6;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function open(folder) {
  const uri = pathToFileURL(join(folder, 'article.md')).href;
  const server = new Server(folder);
  const diagnostics = server.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 1);
  server.send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {} } });
  server.send({ method: 'initialized', params: {} });
  server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
  const { message, at } = await diagnostics;
  return { server, uri, startMs: ms(server.started, at), findings: message.params.diagnostics.length };
}

const folder = mkdtempSync(join(tmpdir(), 'doclint-lsp-bench-'));
writeFileSync(join(folder, 'article.md'), text);
try {
  const startTimes = [];
  for (let i = 0; i < starts; i++) {
    const { server, startMs } = await open(folder);
    startTimes.push(startMs);
    await server.stop();
  }

  const { server, uri, findings } = await open(folder);
  const rssStart = server.rssKiB();
  const latencies = [];
  const memory = [];
  let version = 1;
  // Edits alternate: type "very " at the start of a paragraph's line, then delete it, going through the paragraphs.
  for (let edit = 0; edit < total + 100; edit++) {
    const line = paragraphLines[Math.floor(edit / 2) % paragraphLines.length];
    const insert = edit % 2 === 0;
    version++;
    const v = version;
    const received = server.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === v);
    const sent = server.send({
      method: 'textDocument/didChange',
      params: {
        textDocument: { uri, version: v },
        contentChanges: [insert
          ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'very ' }
          : { range: { start: { line, character: 0 }, end: { line, character: 5 } }, text: '' }],
      },
    });
    const { at } = await received;
    if (edit >= 100 && latencies.length < measured) latencies.push(ms(sent, at));
    if ((edit + 1) % 2000 === 0) memory.push(`${edit + 1}: ${(server.rssKiB() / 1024).toFixed(1)}`);
  }

  const rssEnd = server.rssKiB();
  const code = await server.stop();
  latencies.sort((a, b) => a - b);
  startTimes.sort((a, b) => a - b);
  const f = (x) => x.toFixed(2);
  console.log(`article: ${Buffer.byteLength(text)} bytes, ${text.split('\n').length} lines, ${findings} findings`);
  console.log(`start to first diagnostics: median ${f(percentile(startTimes, 50))} ms, max ${f(startTimes.at(-1))} ms over ${starts} starts`);
  console.log(`edit to diagnostics over ${latencies.length} edits: p50 ${f(percentile(latencies, 50))} ms, p95 ${f(percentile(latencies, 95))} ms, max ${f(latencies.at(-1))} ms`);
  console.log(`resident memory: ${(rssStart / 1024).toFixed(1)} MB after the first diagnostics, ${(rssEnd / 1024).toFixed(1)} MB after ${total + 100} edits`);
  console.log(`resident memory (MB) along the way, by edits: ${memory.join(', ')}`);
  console.log(`exit code after shutdown and exit: ${code}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
