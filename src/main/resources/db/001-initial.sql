-- Warta's first schema: articles and the files they came from, story clusters, full-text search,
-- subscribers with their preferences and topics, and the ledger of what was delivered to whom.
-- Times are epoch milliseconds (UTC) unless the column says otherwise.

-- One story told by one or more articles: re-saved copies and the same news from other sources.
CREATE TABLE story (
  id              INTEGER PRIMARY KEY,
  best_article_id INTEGER,                 -- the entry shown for the story (set once its first article is stored)
  articles        INTEGER NOT NULL DEFAULT 0,
  sources         INTEGER NOT NULL DEFAULT 0, -- distinct sources that carry it
  language        TEXT NOT NULL,
  first_seen_at   INTEGER NOT NULL,
  news_at         INTEGER NOT NULL         -- newest member's news time: what "latest" orders by
) STRICT;
CREATE INDEX story_by_news_at ON story (news_at DESC);

CREATE TABLE article (
  id            INTEGER PRIMARY KEY,
  content_hash  TEXT NOT NULL UNIQUE,      -- SHA-256 of the stored bytes: an identical copy is the same article
  file          TEXT NOT NULL,             -- the stored file it was first parsed from
  headline      TEXT NOT NULL,
  published     TEXT,                      -- ISO 8601 as precise as the page says; NULL when unknown
  lead          TEXT NOT NULL,
  body          TEXT NOT NULL,             -- the story's paragraphs, separated by blank lines
  source        TEXT NOT NULL,
  url           TEXT NOT NULL,
  language      TEXT NOT NULL,
  section       TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  news_at       INTEGER NOT NULL,          -- publication time when known and not in the future, else first seen
  story_id      INTEGER NOT NULL REFERENCES story (id)
) STRICT;
CREATE INDEX article_by_story ON article (story_id);
CREATE INDEX article_by_news_at ON article (news_at DESC);

-- Topics of an article, most salient first (rank 0), with the tagger's score.
CREATE TABLE article_topic (
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  topic      TEXT NOT NULL,
  rank       INTEGER NOT NULL,
  score      REAL NOT NULL,
  PRIMARY KEY (article_id, topic)
) STRICT, WITHOUT ROWID;

-- The topics of a story (the union over its articles), for "latest on my topics" in one index range.
CREATE TABLE story_topic (
  topic    TEXT NOT NULL,
  story_id INTEGER NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  news_at  INTEGER NOT NULL,               -- copy of story.news_at, kept in step, so the index orders by it
  score    REAL NOT NULL,
  PRIMARY KEY (topic, story_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_topic_latest ON story_topic (topic, news_at DESC);

-- Every file ingestion has looked at: size and modification time first, then the content hash.
CREATE TABLE stored_file (
  path         TEXT PRIMARY KEY,
  size         INTEGER NOT NULL,
  modified_at  INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  article_id   INTEGER REFERENCES article (id),
  rejected     TEXT,                       -- the reason, when the file holds no article
  checked_at   INTEGER NOT NULL
) STRICT;

CREATE VIRTUAL TABLE article_text USING fts5 (
  headline, lead, body,
  content = 'article', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER article_text_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_text (rowid, headline, lead, body) VALUES (new.id, new.headline, new.lead, new.body);
END;
CREATE TRIGGER article_text_delete AFTER DELETE ON article BEGIN
  INSERT INTO article_text (article_text, rowid, headline, lead, body)
  VALUES ('delete', old.id, old.headline, old.lead, old.body);
END;
CREATE TRIGGER article_text_update AFTER UPDATE OF headline, lead, body ON article BEGIN
  INSERT INTO article_text (article_text, rowid, headline, lead, body)
  VALUES ('delete', old.id, old.headline, old.lead, old.body);
  INSERT INTO article_text (rowid, headline, lead, body) VALUES (new.id, new.headline, new.lead, new.body);
END;

-- Readers: a chat (private or group) with its preferences. Chat ids exceed 32 bits.
CREATE TABLE subscriber (
  chat_id          INTEGER PRIMARY KEY,
  chat_type        TEXT NOT NULL,          -- private, group, supergroup, channel
  language         TEXT NOT NULL,          -- reply language: id, en
  time_zone        TEXT NOT NULL,          -- IANA name or a fixed offset
  delivery_time    TEXT NOT NULL,          -- HH:MM in the reader's zone
  status           TEXT NOT NULL CHECK (status IN ('active', 'paused', 'blocked', 'stopped')),
  fallback_headlines INTEGER NOT NULL DEFAULT 1, -- top headlines when nothing new matches the topics
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE subscriber_topic (
  chat_id INTEGER NOT NULL REFERENCES subscriber (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
  topic   TEXT NOT NULL,
  PRIMARY KEY (chat_id, topic)
) STRICT, WITHOUT ROWID;

-- The ledger: one row per digest, recorded before it is sent, completed with its message ids after.
CREATE TABLE delivery (
  id           INTEGER PRIMARY KEY,
  chat_id      INTEGER NOT NULL REFERENCES subscriber (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
  digest_date  TEXT NOT NULL,              -- the reader's local date the digest is for
  kind         TEXT NOT NULL CHECK (kind IN ('daily', 'on_demand')),
  status       TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'blocked', 'skipped')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  sent_at      INTEGER,
  message_ids  TEXT,                       -- JSON array of Telegram message ids
  last_error   TEXT
) STRICT;
CREATE UNIQUE INDEX one_daily_digest ON delivery (chat_id, digest_date) WHERE kind = 'daily';
CREATE INDEX delivery_unfinished ON delivery (status) WHERE status IN ('pending', 'sending', 'failed');

-- The stories in each digest, so that no story reaches a chat twice.
CREATE TABLE delivery_item (
  delivery_id INTEGER NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  chat_id     INTEGER NOT NULL REFERENCES subscriber (chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
  story_id    INTEGER NOT NULL REFERENCES story (id),
  article_id  INTEGER NOT NULL REFERENCES article (id),
  PRIMARY KEY (delivery_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX delivered_story ON delivery_item (chat_id, story_id);

-- Runs of scheduled and manual jobs, for the health view.
CREATE TABLE job_run (
  id          INTEGER PRIMARY KEY,
  job         TEXT NOT NULL,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  outcome     TEXT,                        -- ok, failed
  summary     TEXT                         -- one line: counts and duration, or the error
) STRICT;
CREATE INDEX job_run_latest ON job_run (job, started_at DESC);
