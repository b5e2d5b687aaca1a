-- Run (nvim -c 'luafile …' file) once Neovim has started with an editor setup from README and
-- opened the file: waits for the file's diagnostics, writes them as JSON to DMLINT_OUT, and quits.
local buffer = vim.api.nvim_get_current_buf()
local received = vim.wait(30000, function()
  return #vim.diagnostic.get(buffer) > 0
end, 50)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, code = lsp.code, message = d.message })
end
local out = io.open(vim.env.DMLINT_OUT, 'w')
out:write(vim.fn.json_encode({ received = received, diagnostics = diagnostics }))
out:close()
vim.cmd('qa!')
