-- The end-of-day drawer report (docs/cash-drawer.md): the closing count by denomination, and
-- an income account for receipts at the drawer that are neither fees nor capital.

-- [{ "value": 100000, "pieces": 11 }, …] as counted at closing; NULL when only the total was typed.
ALTER TABLE cash_drawer ADD COLUMN counted_pieces jsonb;

INSERT INTO ledger_account (code, name_id, name_en, type, parent_code, postable, scheme, contra) VALUES
  ('4.2.05', 'Pendapatan lain-lain', 'Other income', 'income', '4.2', true, 'both', false)
ON CONFLICT (code) DO NOTHING;
