-- A digest's messages are kept as rendered when the digest was recorded, so that a delivery
-- resumed after a crash sends exactly what it would have sent, from the first message not yet
-- confirmed by Telegram.
ALTER TABLE delivery ADD COLUMN parts TEXT NOT NULL DEFAULT '[]';      -- JSON array of Telegram HTML messages
ALTER TABLE delivery ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0; -- how many of them Telegram confirmed
