-- Headless Neovim (0.7 or later) attached to `dmlint --lsp`: opens one document, then the driver
-- beside this file waits for its diagnostics and writes them as JSON to DMLINT_OUT.
local client_id = vim.lsp.start_client({
  name = 'dmlint',
  cmd = { vim.env.DMLINT_NODE, vim.env.DMLINT_CLI, '--lsp', '--stdio' },
  root_dir = vim.env.DMLINT_ROOT,
})
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.DMLINT_FILE))
vim.lsp.buf_attach_client(0, client_id)
dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/neovim-driver.lua')
