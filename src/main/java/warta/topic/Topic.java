package warta.topic;

import static java.util.Objects.requireNonNull;

/**
 * One thing a reader can follow: a country ({@code RU}), a region ({@code southeast-asia}) or a
 * theme ({@code diplomacy}). The code is the topic's stable identity in storage and in commands.
 */
public record Topic(Kind kind, String code) {

  /** The closed set of topic kinds. */
  public enum Kind { COUNTRY, REGION, THEME }

  public Topic {
    requireNonNull(kind, "kind");
    requireNonNull(code, "code");
    boolean wellFormed = switch (kind) {
      case COUNTRY -> code.matches("[A-Z]{2}");
      case REGION, THEME -> code.matches("[a-z]+(-[a-z]+)*");
    };
    if (!wellFormed) {
      throw new IllegalArgumentException(kind + " topic code " + code + " is malformed");
    }
  }

  public static Topic country(String isoAlpha2) {
    return new Topic(Kind.COUNTRY, isoAlpha2);
  }

  public static Topic region(String slug) {
    return new Topic(Kind.REGION, slug);
  }

  public static Topic theme(String slug) {
    return new Topic(Kind.THEME, slug);
  }

  @Override
  public String toString() {
    return code;
  }
}
