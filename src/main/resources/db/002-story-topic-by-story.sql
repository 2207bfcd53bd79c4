-- A story's topics are replaced each time an article joins it, and read back by story for every
-- list: without this index both scan the whole story_topic table, which grows with the store.
CREATE INDEX story_topic_by_story ON story_topic (story_id);
