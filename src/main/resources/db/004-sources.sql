-- News sources the operator lists in sources.file, as fetching found them, and every feed item
-- seen, so that an item already stored is never downloaded again. The list of sources itself
-- lives in the operator's file; these rows only remember what happened.
CREATE TABLE source (
  url                  TEXT PRIMARY KEY,       -- as written in the sources file
  etag                 TEXT NOT NULL DEFAULT '',
  last_modified        TEXT NOT NULL DEFAULT '',
  failures_in_a_row    INTEGER NOT NULL DEFAULT 0,
  next_attempt_at      INTEGER NOT NULL DEFAULT 0, -- epoch ms: backing off until then
  paused_at            INTEGER,                    -- epoch ms: paused after too many failures in a row
  last_error           TEXT NOT NULL DEFAULT '',
  last_error_at        INTEGER,
  last_fetched_at      INTEGER,                    -- the last answer, 200 or 304
  last_new_items_at    INTEGER,
  items_seen           INTEGER NOT NULL DEFAULT 0,
  pages_saved          INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE fetched_item (
  link          TEXT PRIMARY KEY,             -- the article's URL, as the feed gives it (absolute)
  source_url    TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('saved', 'failed', 'given-up', 'disallowed')),
  file          TEXT NOT NULL DEFAULT '',     -- the stored page, relative to the articles folder
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT NOT NULL DEFAULT '',
  first_seen_at INTEGER NOT NULL,
  saved_at      INTEGER
) STRICT;

CREATE INDEX fetched_item_by_source ON fetched_item (source_url, status);
