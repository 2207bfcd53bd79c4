package warta.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import warta.article.Article;
import warta.article.ArticleStore;
import warta.article.LanguageGuesser;

/**
 * Finds the story a new article retells: re-saved copies and the same news from other sources.
 * Candidates are articles in the same language, news within the window either side, that share
 * words with its headline and lead (full-text search); the most similar joins when the overlap of
 * the significant words of headline, lead and the body's opening (Jaccard, function words left
 * out) reaches the threshold. The opening matters: two leads can both be template lines.
 */
final class StoryMatcher {

  /**
   * Measured on a hand-labelled set from the public corpus (see StoryClusteringTest): no false
   * join from 0.14 to 0.20; the highest score of two different stories in the corpus is 0.13.
   */
  static final double SAME_STORY = 0.16;
  /** Words of the body compared after the lead; the threshold was measured with this budget. */
  static final int BODY_WORDS = 150;
  private static final int CANDIDATES = 20;
  private static final int QUERY_WORDS = 16;

  private final ArticleStore articles;
  private final LanguageGuesser words;
  private final Duration window;

  StoryMatcher(ArticleStore articles, LanguageGuesser words, Duration window) {
    this.articles = articles;
    this.words = words;
    this.window = window;
  }

  /** The story to join, or empty for a story of its own. */
  Optional<Long> storyFor(Connection c, Article article, Instant newsAt) throws SQLException {
    Set<String> mine = comparedWords(article.headline(), article.lead(),
        String.join(" ", article.body().subList(Math.min(1, article.body().size()), article.body().size())));
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    List<String> query = new ArrayList<>(significantWords(article.headline()));
    Set<String> headlineAndLead = significantWords(article.headline() + " " + article.lead());
    for (String word : headlineAndLead) {
      if (query.size() >= QUERY_WORDS) {
        break;
      }
      if (!query.contains(word)) {
        query.add(word);
      }
    }
    Optional<Long> best = Optional.empty();
    double bestSimilarity = 0;
    for (ArticleStore.Candidate candidate : articles.similar(c, article.language(),
        query.subList(0, Math.min(QUERY_WORDS, query.size())), newsAt, window, CANDIDATES)) {
      String body = candidate.bodyOpening();
      String afterLead = body.startsWith(candidate.lead()) ? body.substring(candidate.lead().length()) : body;
      double similarity = jaccard(mine, comparedWords(candidate.headline(), candidate.lead(), afterLead));
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        best = Optional.of(candidate.storyId());
      }
    }
    return bestSimilarity >= SAME_STORY ? best : Optional.empty();
  }

  /** The words two articles are compared on: headline, lead, and the body's first words after the lead. */
  Set<String> comparedWords(String headline, String lead, String afterLead) {
    Set<String> words = significantWords(headline + " " + lead);
    int taken = 0;
    for (String word : significantWords(afterLead)) {
      if (taken++ >= BODY_WORDS) {
        break;
      }
      words.add(word);
    }
    return words;
  }

  /** Lower-case words without accents, function words and one-letter words, in order. */
  Set<String> significantWords(String text) {
    String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
    Set<String> significant = new LinkedHashSet<>();
    for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() > 1 && !words.isFunctionWord(word)) {
        significant.add(word);
      }
    }
    return significant;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return (double) common.size() / (a.size() + b.size() - common.size());
  }
}
