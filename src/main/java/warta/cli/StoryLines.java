package warta.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import warta.article.StoryEntry;
import warta.topic.Topic;

/** Story entries for the terminal: numbered readable entries, or one JSON object per line. */
final class StoryLines {

  private static final int LEAD_CHARS = 280;

  private StoryLines() {}

  static String readable(List<StoryEntry> entries) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      StoryEntry e = entries.get(i);
      out.append(i + 1).append(". ").append(e.headline()).append('\n');
      out.append("   ").append(e.published().map(Object::toString).orElse("date unknown"));
      if (!e.source().isEmpty()) {
        out.append(" · ").append(e.source());
      }
      if (e.sources() > 1) {
        out.append(" · in ").append(e.sources()).append(" sources");
      }
      out.append('\n');
      if (!e.lead().isEmpty()) {
        String lead = e.lead().length() <= LEAD_CHARS ? e.lead() : e.lead().substring(0, LEAD_CHARS - 1) + "…";
        out.append("   ").append(lead).append('\n');
      }
      if (!e.url().isEmpty()) {
        out.append("   ").append(e.url()).append('\n');
      }
      if (!e.topics().isEmpty()) {
        out.append("   topics: ").append(e.topics().stream().map(Topic::code).collect(Collectors.joining(", ")))
            .append('\n');
      }
    }
    return out.toString();
  }

  static String json(StoryEntry e) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("story", e.storyId());
    node.put("article", e.articleId());
    node.put("headline", e.headline());
    if (e.published().isPresent()) {
      node.put("published", e.published().get().toString());
    } else {
      node.putNull("published");
    }
    node.put("lead", e.lead());
    node.put("source", e.source());
    node.put("url", e.url());
    node.put("lang", e.language());
    node.put("sources", e.sources());
    ArrayNode topics = node.putArray("topics");
    e.topics().forEach(t -> topics.add(t.code()));
    return node.toString();
  }
}
