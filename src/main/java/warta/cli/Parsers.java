package warta.cli;

import java.util.concurrent.CompletableFuture;
import warta.article.ArticleParsers;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/** The article parsers the commands share, built with the standard topic catalog. */
final class Parsers {

  private Parsers() {}

  /**
   * Parsers whose topic data loads on another thread meanwhile: the first pages are read and
   * parsed while it loads, and only their topics wait for it.
   */
  static ArticleParsers standard() {
    CompletableFuture<TopicTagger> tagger = CompletableFuture.supplyAsync(
        () -> new TopicTagger(TopicCatalog.standard()));
    return new ArticleParsers(tagger::join, ArticleParsers.DEFAULT_MAX_BYTES);
  }
}
