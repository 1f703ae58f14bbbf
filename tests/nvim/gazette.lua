-- Attaches `gazette server` to a draft in headless Neovim (0.7+: vim.lsp.start_client),
-- waits for its diagnostics, applies the preferred quick fixes, and writes what Neovim saw
-- to $GAZETTE_OUT as JSON for tests/neovim.rs to check. Any failure exits with status 1.
local bin = assert(os.getenv('GAZETTE_BIN'), 'GAZETTE_BIN')
local draft = assert(os.getenv('GAZETTE_DRAFT'), 'GAZETTE_DRAFT')
local out = assert(os.getenv('GAZETTE_OUT'), 'GAZETTE_OUT')

local function fail(message)
  io.stderr:write('neovim test: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'gazette',
    cmd = { bin, 'server' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
  })
  if not id then return fail('the client did not start') end
  vim.lsp.buf_attach_client(buf, id)
  if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    return fail('no diagnostics within 20 s')
  end
  local client = vim.lsp.get_client_by_id(id)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(seen, {
      code = d.code or lsp.code,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  -- The preferred quick fix of every finding, each asked for at the finding's range.
  local applied = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    -- Neovim converts the finding's byte column back to the negotiated encoding.
    local params = vim.lsp.util.make_given_range_params(
      { d.lnum + 1, d.col }, { d.lnum + 1, d.col }, buf, client.offset_encoding)
    params.context = { diagnostics = {} }
    local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000) or {}
    for _, reply in pairs(replies) do
      if reply.error then return fail('codeAction: ' .. vim.inspect(reply.error)) end
      for _, action in ipairs(reply.result or {}) do
        if action.isPreferred and action.edit then
          table.insert(applied, action.title)
          vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
        end
      end
    end
    -- Each fix changes the buffer: wait for the server to see it before the next request.
    vim.wait(200)
  end
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode({
    diagnostics = seen,
    applied = applied,
    text = table.concat(lines, '\n') .. '\n',
    offset_encoding = client.offset_encoding,
  }))
  f:close()
  vim.lsp.stop_client(id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
end)
if not ok then fail(tostring(err)) end
vim.cmd('qall!')
