-- Neovim (0.7 or later), headless, as an editor uses `doclint lsp`: open a Markdown file, receive DocLint's
-- diagnostics, apply the quick fix the server offers, save, and see the finding go.
-- Run: DOCLINT_CMD='doclint lsp' nvim --headless --clean -c 'luafile neovim.lua' FILE.md
local function fail(message)
  io.stdout:write('FAILED: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function ok(message)
  io.stdout:write('ok: ' .. message .. '\n')
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function find(code)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if code_of(d) == code then
      return d
    end
  end
  return nil
end

local function run()
  local cmd = vim.split(os.getenv('DOCLINT_CMD') or 'doclint lsp', ' ', { trimempty = true })
  local file = vim.api.nvim_buf_get_name(0)
  local client_id = vim.lsp.start_client({
    name = 'doclint',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  if not client_id then
    return fail('the server did not start: ' .. table.concat(cmd, ' '))
  end
  vim.lsp.buf_attach_client(0, client_id)

  if not vim.wait(30000, function() return find('DL3001') ~= nil end, 50) then
    return fail('no DL3001 diagnostic arrived')
  end
  local d = find('DL3001')
  if d.lnum ~= 2 or d.col ~= 13 or d.end_col ~= 22 or d.severity ~= vim.diagnostic.severity.WARN then
    return fail(string.format('DL3001 at %d:%d-%d severity %d', d.lnum, d.col, d.end_col, d.severity))
  end
  ok('DL3001 arrived at line 3, columns 14-22, as a warning: ' .. d.message)

  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(0),
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col } },
    context = { diagnostics = { d.user_data and d.user_data.lsp or {} } },
  }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000)
  local fix
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      if action.title == "Replace 'lambasted' with 'criticized' (DL3001)" then
        fix = action
      end
    end
  end
  if not fix then
    return fail('the quick fix was not offered')
  end
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
  local line = vim.api.nvim_buf_get_lines(0, 2, 3, false)[1]
  if line ~= 'The minister criticized the plan on Tuesday.' then
    return fail('after the fix line 3 is: ' .. line)
  end
  ok('the quick fix was applied: ' .. line)

  if not vim.wait(30000, function() return find('DL3001') == nil and find('DL4001') ~= nil end, 50) then
    return fail('DL3001 was still reported after the fix')
  end
  ok('the server re-linted the edited buffer: DL3001 is gone, DL4001 stays')
  vim.cmd('silent write')
  vim.lsp.stop_client(client_id)
  io.stdout:write('neovim: all checks passed\n')
  vim.cmd('qall!')
end

local status, err = pcall(run)
if not status then
  fail(tostring(err))
end
