-- Mudharabah: who bears a reported loss depends on whether the member was negligent, so the
-- flag is kept with the result (the shares are recomputed from it, the nisbah and the
-- capital shares when the results are listed).
ALTER TABLE financing_installment ADD COLUMN reported_negligent boolean NOT NULL DEFAULT false;
