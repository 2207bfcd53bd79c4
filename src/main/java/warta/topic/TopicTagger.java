package warta.topic;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags an article with the countries, regions and themes it is about, weighing each part of the
 * article that names them by its place.
 */
public final class TopicTagger {

  /** Weight of a headline naming a topic. */
  static final double HEADLINE = 3.0;
  /** Weight of a lead naming a topic. */
  static final double LEAD = 2.0;
  /** Score a country, or a region named directly, needs: headline, lead, or two of paragraphs 1-3. */
  static final double PLACE_THRESHOLD = 2.0;
  /** Score a theme needs: headline, lead and one of paragraphs 1-3, or three of them. */
  static final double THEME_THRESHOLD = 3.0;
  /** Share of a place's score its region gets, and again that region's parent. */
  static final double REGION_SHARE = 0.5;

  private static final Comparator<TopicScore> MOST_SALIENT_FIRST =
      Comparator.comparing((TopicScore s) -> s.topic().kind())
          .thenComparing(Comparator.comparingDouble(TopicScore::score).reversed())
          .thenComparing(s -> s.topic().code());

  private final TopicCatalog catalog;
  private final PhraseMatcher matcher;

  public TopicTagger(TopicCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.matcher = new PhraseMatcher(catalog.phrases());
  }

  /**
   * The article's topics: countries, then regions, then themes, each most salient first. A
   * country's regions (and their parents) come with it; a passing mention deep in the body, or a
   * name that is often something else ({@code Jordan}) with nothing unambiguous beside it, does
   * not make a topic.
   *
   * @param body the paragraphs in order; a first paragraph equal to the lead is not counted twice
   * @param language ISO 639-1 code of the text, {@code ""} when unknown (then only names that hold
   *     in every language count, and no themes)
   */
  public List<Topic> tag(String headline, String lead, List<String> body, String language) {
    return score(headline, lead, body, language).stream().map(TopicScore::topic).toList();
  }

  /**
   * The topics {@link #tag} returns, in its order, with their scores: the weights of the parts
   * naming a topic, plus for a region half its places' scores per level; compare within a kind.
   */
  public List<TopicScore> score(String headline, String lead, List<String> body, String language) {
    requireNonNull(headline, "headline");
    requireNonNull(lead, "lead");
    requireNonNull(body, "body");
    String textLanguage = TopicCatalog.languageOf(requireNonNull(language, "language"));
    Map<Topic, Tally> tallies = new HashMap<>();
    count(headline, HEADLINE, textLanguage, tallies);
    count(lead, LEAD, textLanguage, tallies);
    int first = !body.isEmpty() && body.get(0).strip().equals(lead.strip()) ? 1 : 0;
    for (int paragraph = first; paragraph < body.size(); paragraph++) {
      count(body.get(paragraph), bodyWeight(paragraph - first), textLanguage, tallies);
    }

    Map<Topic, Double> scores = new HashMap<>();
    tallies.forEach((topic, tally) -> scores.put(topic, tally.score()));
    List<TopicScore> tagged = new ArrayList<>();
    Map<Topic, Double> regionScores = new HashMap<>();
    scores.forEach((topic, score) -> {
      switch (topic.kind()) {
        case COUNTRY -> {
          if (score >= PLACE_THRESHOLD) {
            tagged.add(new TopicScore(topic, score));
            shareWithRegions(topic, score, regionScores);
          }
        }
        case REGION -> {
          regionScores.merge(topic, score, Double::sum);
          if (score >= PLACE_THRESHOLD) {
            shareWithRegions(topic, score, regionScores);
          }
        }
        case THEME -> {
          if (score >= THEME_THRESHOLD) {
            tagged.add(new TopicScore(topic, score));
          }
        }
      }
    });
    regionScores.forEach((region, score) -> {
      boolean named = scores.getOrDefault(region, 0.0) >= PLACE_THRESHOLD;
      boolean holdsATaggedPlace = score > scores.getOrDefault(region, 0.0);
      if (named || holdsATaggedPlace) {
        tagged.add(new TopicScore(region, score));
      }
    });
    tagged.sort(MOST_SALIENT_FIRST);
    return List.copyOf(tagged);
  }

  /** Weight of a body paragraph, 0 being the first after the lead: 1, from the 4th 0.5, from the 7th 0.25. */
  static double bodyWeight(int paragraph) {
    return paragraph < 3 ? 1.0 : paragraph < 6 ? 0.5 : 0.25;
  }

  private void shareWithRegions(Topic place, double score, Map<Topic, Double> regionScores) {
    catalog.enclosingRegions(place).forEach((region, distance) ->
        regionScores.merge(region, score * Math.pow(REGION_SHARE, distance), Double::sum));
  }

  private void count(String text, double weight, String language, Map<Topic, Tally> tallies) {
    if (text.isBlank()) {
      return;
    }
    List<Token> tokens = Token.split(text);
    // a topic counts once per part however often the part names it: salience is spread, not repetition
    Map<Topic, Boolean> named = new HashMap<>(); // topic -> named unambiguously in this part
    matcher.scan(tokens, language, phrase -> {
      for (Topic topic : phrase.topics()) {
        named.merge(topic, !phrase.weak(), Boolean::logicalOr);
      }
    });
    named.forEach((topic, strong) -> {
      Tally tally = tallies.computeIfAbsent(topic, t -> new Tally());
      if (strong) {
        tally.strong += weight;
      } else {
        tally.weak += weight;
      }
    });
  }

  /** A topic's weighted parts so far; parts naming it only weakly count only beside a strong one. */
  private static final class Tally {
    double strong;
    double weak;

    double score() {
      return strong > 0 ? strong + weak : 0;
    }
  }
}
