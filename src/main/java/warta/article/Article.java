package warta.article;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import warta.topic.Topic;

/**
 * One parsed story: what a digest entry needs, plus the body paragraphs for search.
 *
 * <p>Unknown text fields are {@code ""}; an unknown date is empty, never invented.
 *
 * @param id the stored file's name without its extension
 * @param file the stored file it was parsed from
 * @param source the site's name or domain
 * @param url canonical or og:url, {@code ""} when the page does not say
 * @param language ISO 639-1 code from the page or detected from the text, {@code ""} when unknown
 * @param section the site's section (e.g. {@code Internasional}), {@code ""} when unknown
 * @param topics most salient first
 * @param body the story's paragraphs in order, the lead first
 */
public record Article(String id, Path file, String headline, Optional<Published> published,
                      String lead, String source, String url, String language, String section,
                      List<Topic> topics, List<String> body) {

  public Article {
    requireNonNull(id, "id");
    requireNonNull(file, "file");
    requireNonNull(headline, "headline");
    requireNonNull(published, "published");
    requireNonNull(lead, "lead");
    requireNonNull(source, "source");
    requireNonNull(url, "url");
    requireNonNull(language, "language");
    requireNonNull(section, "section");
    topics = List.copyOf(topics);
    body = List.copyOf(body);
    if (headline.isBlank() && lead.isBlank()) {
      throw new IllegalArgumentException(file + ": neither a headline nor a lead");
    }
  }

  /** The same article with these topics, most salient first. */
  public Article withTopics(List<Topic> topics) {
    return new Article(id, file, headline, published, lead, source, url, language, section, topics, body);
  }
}
