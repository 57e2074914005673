// A protocol-level check of `doclint lsp` with the client libraries VS Code uses: pull diagnostics and
// UTF-8 positions on text with emoji and CRLF line breaks, incremental edits in UTF-8, code actions and hover.
// Usage: node client.mjs COMMAND [ARGS...]   (for example: node client.mjs ../../out/aot/doclint lsp)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import {
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest, CodeActionRequest, HoverRequest, ShutdownRequest, ExitNotification, PublishDiagnosticsNotification,
} from 'vscode-languageserver-protocol';

// The server runs in a temporary folder: paths given relative to here are made absolute.
const [command, ...args] = process.argv.slice(2).map((a) => (existsSync(a) ? resolve(a) : a));
if (!command) {
  console.error('usage: node client.mjs COMMAND [ARGS...]');
  process.exit(2);
}

let failures = 0;
function check(condition, what, detail) {
  if (condition) {
    console.log(`ok: ${what}`);
  } else {
    failures++;
    console.log(`FAILED: ${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
  }
}

// UTF-8 byte length of a string: the character positions the server must report.
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const range = (r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

const folder = mkdtempSync(join(tmpdir(), 'doclint-lsp-'));
const uri = pathToFileURL(join(folder, 'story.md')).href;
const server = spawn(command, args, { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] });
const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const pushed = [];
connection.onNotification(PublishDiagnosticsNotification.type, (p) => pushed.push(p));
connection.listen();
const timer = setTimeout(() => { console.log('FAILED: timed out'); process.exit(1); }, 60000);

try {
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'articles' }],
    capabilities: {
      general: { positionEncodings: ['utf-8', 'utf-16'] },
      textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: {}, hover: { contentFormat: ['markdown'] } },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  check(init.capabilities.positionEncoding === 'utf-8', 'the server takes the UTF-8 positions offered', init.capabilities.positionEncoding);
  check(init.capabilities.diagnosticProvider?.identifier === 'doclint', 'pull diagnostics are offered to a client that supports them');

  const line = '😀 Café 👍 owners lambasted the plan.';
  let text = `# Budget talks\r\n\r\n${line}\r\n`;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  const first = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  const loaded = first.items.find((d) => d.code === 'DL3001');
  const at = line.indexOf('lambasted');
  const expected = `2:${bytes(line.slice(0, at))}-2:${bytes(line.slice(0, at + 'lambasted'.length))}`;
  check(first.kind === 'full' && loaded !== undefined, 'a full report holds the DL3001 finding', first);
  check(loaded && range(loaded.range) === expected, `its range is in UTF-8 bytes past emoji and CRLF (${expected})`, loaded?.range);
  check(loaded?.codeDescription?.href?.endsWith('/docs/rules/DL3001.md'), 'codeDescription links to the rule page', loaded?.codeDescription);
  check(loaded?.severity === 2, 'a warning is severity 2', loaded?.severity);

  const unchanged = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
  check(unchanged.kind === 'unchanged', 'asking again with the result id gives "unchanged"', unchanged);

  // Insert "🎉 " at the start of line 2 in UTF-8 positions: the finding moves by its 5 bytes.
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '🎉 ' }],
  });
  text = text.replace(line, `🎉 ${line}`);
  const second = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  const moved = second.items.find((d) => d.code === 'DL3001');
  const shifted = `2:${bytes('🎉 ' + line.slice(0, at))}-2:${bytes('🎉 ' + line.slice(0, at + 'lambasted'.length))}`;
  check(moved && range(moved.range) === shifted, `an incremental edit in UTF-8 positions moves it (${shifted})`, moved?.range);

  const actions = await connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri }, range: moved.range, context: { diagnostics: [moved] },
  });
  const quickFix = actions.find((a) => a.title === "Replace 'lambasted' with 'criticized' (DL3001)");
  check(quickFix?.kind === 'quickfix', 'a quick fix is offered', actions.map((a) => a.title));
  const edit = quickFix?.edit?.changes?.[uri]?.[0];
  check(edit && range(edit.range) === shifted && edit.newText === 'criticized', 'its edit replaces the word at the UTF-8 range', edit);
  check(actions.some((a) => a.title === 'Suppress DL3001 on this line'), 'suppression is offered');

  const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: moved.range.start });
  check(hover?.contents?.kind === 'markdown' && hover.contents.value.includes('DL3001'), 'hover shows the rule page', hover?.contents);

  check(!pushed.some((p) => p.uri === uri), 'nothing is pushed for the document when the client pulls', pushed);
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  const code = await exited;
  check(code === 0, 'shutdown then exit ends the server with 0', code);
} catch (error) {
  failures++;
  console.log(`FAILED: ${error?.stack ?? error}`);
  server.kill();
} finally {
  clearTimeout(timer);
  connection.dispose();
  rmSync(folder, { recursive: true, force: true });
}

console.log(failures === 0 ? 'node client: all checks passed' : `node client: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
