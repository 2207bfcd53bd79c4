package warta.topic;

import static java.util.Objects.requireNonNull;

/**
 * How strongly an article is about a topic: the weights of the parts that name it (headline 3, lead 2,
 * paragraphs 1 to 0.25); scores compare between topics of one kind.
 */
public record TopicScore(Topic topic, double score) {

  public TopicScore {
    requireNonNull(topic, "topic");
    if (!(score >= 0) || Double.isInfinite(score)) {
      throw new IllegalArgumentException(topic + ": score " + score + " is not a finite number >= 0");
    }
  }
}
