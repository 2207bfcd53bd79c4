package warta.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one prediction scored against its truth; a field whose truth is unknown is empty.
 *
 * @param dateRight the calendar day as written equals the truth's
 * @param dateNear the day is at most one off
 * @param dateGiven the parser gave any date
 */
public record PageScore(Truth truth, Prediction prediction, Optional<Boolean> headlineExact,
                        OptionalDouble headlineF1, Optional<Boolean> dateRight,
                        Optional<Boolean> dateNear, Optional<Boolean> dateGiven,
                        OptionalDouble leadF1) {

  /** Scores one prediction by the corpus's rules. */
  public static PageScore of(Truth truth, Prediction prediction) {
    List<String> headlines = truth.headlines();
    Optional<Boolean> exact = headlines.isEmpty() ? Optional.empty()
        : Optional.of(TextMatch.anyExact(prediction.headline(), headlines));
    OptionalDouble headlineF1 = headlines.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(TextMatch.bestF1(prediction.headline(), headlines));

    Optional<LocalDate> trueDay = truth.published().flatMap(PageScore::day);
    Optional<LocalDate> day = prediction.published().flatMap(PageScore::day);
    Optional<Boolean> right = trueDay.map(t -> day.map(t::equals).orElse(false));
    Optional<Boolean> near = trueDay.map(t -> day.map(d -> Math.abs(d.toEpochDay() - t.toEpochDay()) <= 1)
        .orElse(false));
    Optional<Boolean> given = trueDay.map(t -> day.isPresent());

    OptionalDouble leadF1 = truth.leads().isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(TextMatch.bestF1(prediction.lead(), truth.leads()));
    return new PageScore(truth, prediction, exact, headlineF1, right, near, given, leadF1);
  }

  /** The calendar day as written: the first ten characters of ISO 8601. */
  private static Optional<LocalDate> day(String iso) {
    if (iso.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(iso.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
