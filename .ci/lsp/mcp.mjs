// `doclint mcp` as a process over stdio (newline-delimited JSON-RPC, as MCP's stdio transport is): the
// handshake, the tool list, and lint_text and fix_text called with Markdown, checked field by field.
// Usage: node mcp.mjs COMMAND [ARGS...]   (for example: node mcp.mjs ../../out/aot/doclint mcp)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const [command, ...args] = process.argv.slice(2);
const server = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
const waiting = new Map();
createInterface({ input: server.stdout }).on('line', (line) => {
  const message = JSON.parse(line);
  waiting.get(message.id)?.(message);
});
let next = 0;
const request = (method, params) => new Promise((resolve) => {
  const id = ++next;
  waiting.set(id, resolve);
  server.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
});
const timer = setTimeout(() => { console.log('FAILED: timed out'); process.exit(1); }, 60000);

let failures = 0;
function check(condition, what, detail) {
  if (condition) console.log(`ok: ${what}`);
  else { failures++; console.log(`FAILED: ${what}: ${JSON.stringify(detail)}`); }
}

const init = await request('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'doclint-ci', version: '1' } });
check(init.result?.serverInfo?.name === 'doclint', 'the server introduces itself', init);
server.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');

const tools = await request('tools/list', {});
const names = tools.result?.tools?.map((t) => t.name).join(',');
check(names === 'lint_text,lint_files,fix_text,explain_rule,list_rules', 'five tools are listed', names);

const text = '# Budget talks\n\nThe minister lambasted the plan on Tuesday.\n';
const lint = await request('tools/call', { name: 'lint_text', arguments: { text, fileName: 'story.md' } });
const finding = lint.result?.structuredContent?.diagnostics?.find((d) => d.id === 'DL3001');
check(finding?.span?.startLine === 3 && finding.span.startColumn === 14 && finding.fix?.newText === 'criticized', 'lint_text reports DL3001 in the JSON format', lint.result);

const fix = await request('tools/call', { name: 'fix_text', arguments: { text, fileName: 'story.md' } });
check(fix.result?.structuredContent?.newText === text.replace('lambasted', 'criticized'), 'fix_text returns the fixed text', fix.result);
check(fix.result?.structuredContent?.diff?.includes('+The minister criticized the plan on Tuesday.'), 'and its diff', fix.result?.structuredContent?.diff);

clearTimeout(timer);
server.stdin.end();
server.kill();
console.log(failures === 0 ? 'mcp: all checks passed' : `mcp: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
