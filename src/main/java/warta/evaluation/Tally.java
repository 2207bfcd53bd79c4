package warta.evaluation;

import java.util.OptionalDouble;

/** Accuracy figures over a group of pages: the whole corpus or one source. */
public final class Tally {

  private int pages;
  private int headlines;
  private int headlineExact;
  private double headlineF1;
  private int dates;
  private int dateRight;
  private int dateNear;
  private int dateGiven;
  private int leads;
  private double leadF1;
  private int leadGood;

  void add(PageScore score) {
    pages++;
    if (score.headlineExact().isPresent()) {
      headlines++;
      headlineExact += score.headlineExact().get() ? 1 : 0;
      headlineF1 += score.headlineF1().getAsDouble();
    }
    if (score.dateRight().isPresent()) {
      dates++;
      dateRight += score.dateRight().get() ? 1 : 0;
      dateNear += score.dateNear().orElse(false) ? 1 : 0;
      dateGiven += score.dateGiven().orElse(false) ? 1 : 0;
    }
    if (score.leadF1().isPresent()) {
      leads++;
      double f1 = score.leadF1().getAsDouble();
      leadF1 += f1;
      leadGood += f1 >= 0.8 ? 1 : 0;
    }
  }

  public int pages() {
    return pages;
  }

  public int headlines() {
    return headlines;
  }

  public int dates() {
    return dates;
  }

  public int leads() {
    return leads;
  }

  /** Share of pages with a known headline whose predicted headline matches exactly. */
  public OptionalDouble headlineExact() {
    return share(headlineExact, headlines);
  }

  public OptionalDouble headlineF1() {
    return share(headlineF1, headlines);
  }

  /** Share of pages with a known date whose predicted date is the same calendar day. */
  public OptionalDouble dateAccuracy() {
    return share(dateRight, dates);
  }

  public OptionalDouble dateWithinOneDay() {
    return share(dateNear, dates);
  }

  /** Share of pages with a known date for which the parser gave any date. */
  public OptionalDouble dateCoverage() {
    return share(dateGiven, dates);
  }

  public OptionalDouble leadF1() {
    return share(leadF1, leads);
  }

  /** Share of pages with a known lead whose predicted lead has token F1 of at least 0.8. */
  public OptionalDouble leadGood() {
    return share(leadGood, leads);
  }

  private static OptionalDouble share(double part, int whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of(part / whole);
  }
}
