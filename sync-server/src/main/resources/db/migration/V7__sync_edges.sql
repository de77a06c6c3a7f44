-- Koers server schema, version 7: the device whose value a conflict did not keep (it hears of the
-- conflict on its next pull), and page scrubs after erasure (decision 0020).

ALTER TABLE conflicts ADD COLUMN lost_by VARCHAR(36);
CREATE INDEX conflicts_lost_by ON conflicts (lost_by, position);

-- When the pages of the store file were last scrubbed after the participant's erasure; null while
-- a scrub is due (a server that stopped before it finished scrubs when it opens the store again).
ALTER TABLE erased_participants ADD COLUMN scrubbed_at BIGINT;

-- One row, counted up by every page scrub: its commit makes every connection drop the pages it
-- keeps in memory, so none writes an unscrubbed copy back.
CREATE TABLE page_scrubs (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    runs BIGINT NOT NULL
);
INSERT INTO page_scrubs (id, runs) VALUES (1, 0);
