package warta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import warta.article.Article;
import warta.topic.Topic;

/** An article as one line of JSON, the {@code parse --json} format. */
final class ArticleJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleJson() {}

  static String line(Article article) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", article.id());
    node.put("path", article.file().toString());
    node.put("headline", article.headline());
    if (article.published().isPresent()) {
      node.put("published", article.published().get().toString());
    } else {
      node.putNull("published");
    }
    node.put("lead", article.lead());
    nullIfEmpty(node, "lang", article.language());
    nullIfEmpty(node, "source", article.source());
    nullIfEmpty(node, "url", article.url());
    nullIfEmpty(node, "section", article.section());
    ArrayNode topics = node.putArray("topics");
    for (Topic topic : article.topics()) {
      topics.add(topic.code());
    }
    return node.toString();
  }

  private static void nullIfEmpty(ObjectNode node, String field, String value) {
    if (value.isEmpty()) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
