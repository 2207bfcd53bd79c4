package warta.cli;

import warta.article.ArticleParsers;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** The article parsers the commands share, built with the standard topic catalog. */
final class Parsers {

  private Parsers() {}

  static ArticleParsers standard() {
    return new ArticleParsers(new TopicTagger(TopicCatalog.standard()));
  }
}
