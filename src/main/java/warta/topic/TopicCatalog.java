package warta.topic;

/** TEMPORARY stand-in. */
public final class TopicCatalog {
  public static TopicCatalog standard() { return new TopicCatalog(); }
}
