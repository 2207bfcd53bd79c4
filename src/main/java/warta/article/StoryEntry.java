package warta.article;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import warta.topic.Topic;

/**
 * One story as a reader sees it in a list: the cluster's best article and how many sources
 * carry the story.
 *
 * @param newsAt when the story is news: its newest article's publication time, or first seen
 * @param sources distinct sources that carry the story, at least 1
 * @param topics the story's topics, most salient first
 */
public record StoryEntry(long storyId, long articleId, String headline, Optional<Published> published,
                         String lead, String source, String url, String language, int sources,
                         Instant newsAt, List<Topic> topics) {

  public StoryEntry {
    requireNonNull(headline, "headline");
    requireNonNull(published, "published");
    requireNonNull(newsAt, "newsAt");
    topics = List.copyOf(topics);
  }
}
