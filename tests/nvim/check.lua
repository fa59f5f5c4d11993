-- Headless Neovim (0.7+) as a real LSP client for `attrlint lsp`.
--
-- Run:  ATTRLINT_PYTHON=.venv/bin/python ATTRLINT_DRAFT=draft.md ATTRLINT_OUT=out.json \
--       nvim --headless --clean -u NONE -c 'luafile tests/nvim/check.lua'
-- Opens the draft, waits for attrlint's diagnostics, then replaces the claim's line with a
-- sourced sentence (ATTRLINT_FIXED) and waits for the diagnostics to clear.  Writes what
-- Neovim saw (its own byte columns, converted from the server's UTF-16) as JSON to
-- ATTRLINT_OUT and quits; the pytest side (tests/test_nvim.py) checks it.

local python = os.getenv("ATTRLINT_PYTHON")
local draft = os.getenv("ATTRLINT_DRAFT")
local fixed = os.getenv("ATTRLINT_FIXED")
local out_path = os.getenv("ATTRLINT_OUT")
local result = { opened = nil, after_edit = nil, error = nil }

local function snapshot(bufnr)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ""
    table.insert(seen, {
      code = d.code, source = d.source, lnum = d.lnum, col = d.col, end_col = d.end_col,
      text = string.sub(line, d.col + 1, d.end_col),
    })
  end
  return seen
end

local function finish()
  local fh = io.open(out_path, "w")
  fh:write(vim.fn.json_encode(result))
  fh:close()
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  local published = 0
  local default = vim.lsp.handlers["textDocument/publishDiagnostics"]
  local client_id = vim.lsp.start_client({
    name = "attrlint",
    cmd = { python, "-m", "attrlint", "lsp" },
    root_dir = vim.fn.fnamemodify(draft, ":p:h"),
    init_options = { debounceMs = 50 },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(e, params, ctx, config)
        default(e, params, ctx, config)
        published = published + 1
      end,
    },
  })
  assert(client_id, "vim.lsp.start_client failed")
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  assert(vim.wait(30000, function() return published >= 1 end, 50), "no diagnostics after opening")
  result.opened = snapshot(bufnr)

  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local target = result.opened[1] and result.opened[1].lnum or 0
  local before = published
  vim.api.nvim_buf_set_lines(bufnr, target, target + 1, false, { fixed })
  assert(#lines > 0)
  assert(vim.wait(30000, function()
    return published > before and #vim.diagnostic.get(bufnr) == 0
  end, 50), "diagnostics did not clear after the edit")
  result.after_edit = snapshot(bufnr)
  vim.lsp.stop_client(client_id)
end)
if not ok then result.error = tostring(err) end
finish()
