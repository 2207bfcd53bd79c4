package warta.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a parser said about one page, in the corpus's terms; {@code ""} or empty when it said
 * nothing.
 *
 * @param published ISO 8601, its first ten characters the calendar day
 */
public record Prediction(String id, String headline, Optional<String> published, String lead) {

  public Prediction {
    requireNonNull(id, "id");
    requireNonNull(headline, "headline");
    requireNonNull(published, "published");
    requireNonNull(lead, "lead");
  }

  /** The page could not be parsed: every field is counted wrong. */
  public static Prediction none(String id) {
    return new Prediction(id, "", Optional.empty(), "");
  }
}
