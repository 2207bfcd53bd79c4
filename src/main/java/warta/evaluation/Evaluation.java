package warta.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Scores predictions for a corpus folder holding pages and their {@code truth.jsonl}. */
public final class Evaluation {

  private final Path corpus;
  private final List<Truth> truths;

  private Evaluation(Path corpus, List<Truth> truths) {
    this.corpus = corpus;
    this.truths = truths;
  }

  /** Opens a corpus folder; fails with a clear message when it has no {@code truth.jsonl}. */
  public static Evaluation of(Path corpus) {
    Path truthFile = corpus.resolve("truth.jsonl");
    if (!Files.isRegularFile(truthFile)) {
      throw new IllegalArgumentException(corpus + " has no truth.jsonl");
    }
    return new Evaluation(corpus, Truth.readAll(truthFile));
  }

  public List<Truth> truths() {
    return truths;
  }

  /** The page a truth line is about: {@code <id>.html} beside the truth file. */
  public Path page(Truth truth) {
    return corpus.resolve(truth.id() + ".html");
  }

  /** Scores the prediction for every truth; use {@link Prediction#none} for a page with none. */
  public Scorecard score(Function<Truth, Prediction> predict) {
    Scorecard card = new Scorecard();
    for (Truth truth : truths) {
      Prediction prediction = predict.apply(truth);
      card.add(PageScore.of(truth, prediction));
    }
    return card;
  }

  /** Scores predictions made earlier, by page id; pages without one count as wrong. */
  public Scorecard score(Map<String, Prediction> predictions) {
    return score(truth -> predictions.getOrDefault(truth.id(), Prediction.none(truth.id())));
  }
}
