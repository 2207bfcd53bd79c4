package warta.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Every page's score, with the figures overall and per source. */
public final class Scorecard {

  private final List<PageScore> pages = new ArrayList<>();
  private final Tally overall = new Tally();
  private final Map<String, Tally> bySource = new TreeMap<>();

  void add(PageScore score) {
    pages.add(score);
    overall.add(score);
    bySource.computeIfAbsent(score.truth().source(), s -> new Tally()).add(score);
  }

  public List<PageScore> pages() {
    return Collections.unmodifiableList(pages);
  }

  public Tally overall() {
    return overall;
  }

  public Map<String, Tally> bySource() {
    return Collections.unmodifiableMap(bySource);
  }

  /** A table for people: one row per source, then all. */
  public String table() {
    StringBuilder out = new StringBuilder();
    String format = "%-44s %5s | %5s %9s %9s | %5s %9s %9s %9s | %5s %9s %9s%n";
    out.append(String.format(format, "source", "pages", "hl n", "hl exact", "hl F1",
        "date n", "right day", "±1 day", "coverage", "lead n", "lead F1", "F1>=0.8"));
    bySource.forEach((source, tally) -> out.append(row(format, source, tally)));
    out.append(row(format, "ALL", overall));
    return out.toString();
  }

  private static String row(String format, String name, Tally t) {
    return String.format(format, name, t.pages(), t.headlines(), percent(t.headlineExact()),
        decimal(t.headlineF1()), t.dates(), percent(t.dateAccuracy()), percent(t.dateWithinOneDay()),
        percent(t.dateCoverage()), t.leads(), decimal(t.leadF1()), percent(t.leadGood()));
  }

  private static String percent(OptionalDouble share) {
    return share.isPresent() ? String.format("%.1f %%", 100 * share.getAsDouble()) : "-";
  }

  private static String decimal(OptionalDouble value) {
    return value.isPresent() ? String.format("%.3f", value.getAsDouble()) : "-";
  }

  /** One JSON object: the overall figures, then one object per source. */
  public String json() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = figures(mapper, overall);
    ObjectNode sources = root.putObject("sources");
    bySource.forEach((source, tally) -> sources.set(source, figures(mapper, tally)));
    return root.toString();
  }

  private static ObjectNode figures(ObjectMapper mapper, Tally t) {
    ObjectNode node = mapper.createObjectNode();
    node.put("n", t.pages());
    node.put("headline_n", t.headlines());
    put(node, "headline_exact", t.headlineExact());
    put(node, "headline_f1", t.headlineF1());
    node.put("date_n", t.dates());
    put(node, "date_accuracy", t.dateAccuracy());
    put(node, "date_within_one_day", t.dateWithinOneDay());
    put(node, "date_coverage", t.dateCoverage());
    node.put("lead_n", t.leads());
    put(node, "lead_f1_mean", t.leadF1());
    put(node, "lead_f1_ge_08", t.leadGood());
    return node;
  }

  private static void put(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, Math.round(value.getAsDouble() * 10000) / 10000.0);
    } else {
      node.putNull(field);
    }
  }
}
