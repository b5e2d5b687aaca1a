-- Headless Neovim (0.7 or later) attached to `dmlint --lsp`: opens one document, waits for
-- its diagnostics, and writes them as JSON to DMLINT_OUT.
local client_id = vim.lsp.start_client({
  name = 'dmlint',
  cmd = { vim.env.DMLINT_NODE, vim.env.DMLINT_CLI, '--lsp', '--stdio' },
  root_dir = vim.env.DMLINT_ROOT,
})
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.DMLINT_FILE))
vim.lsp.buf_attach_client(0, client_id)
local received = vim.wait(20000, function()
  return #vim.diagnostic.get(0) > 0
end, 50)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, code = lsp.code, message = d.message })
end
local out = io.open(vim.env.DMLINT_OUT, 'w')
out:write(vim.fn.json_encode({ received = received, diagnostics = diagnostics }))
out:close()
vim.cmd('qa!')
