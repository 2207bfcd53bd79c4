package warta.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of a corpus's {@code truth.jsonl}: the accepted headline, date and lead of one page.
 * An unknown field is empty and is not scored.
 *
 * @param source the project the page and its truth come from ({@code owner/repo})
 * @param headlines the headline first, then its accepted alternatives; empty when unknown
 * @param published ISO 8601 as the truth writes it
 * @param leads the lead first, then its accepted alternatives; empty when unknown
 */
public record Truth(String id, String source, Optional<String> language, List<String> headlines,
                    Optional<String> published, List<String> leads) {

  public Truth {
    headlines = List.copyOf(headlines);
    leads = List.copyOf(leads);
  }

  /** Reads every line of a {@code truth.jsonl}; a malformed line fails with its number. */
  public static List<Truth> readAll(Path truthFile) {
    ObjectMapper json = new ObjectMapper();
    List<Truth> truths = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(truthFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + truthFile, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        truths.add(fromJson(json.readTree(lines.get(i))));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(truthFile + ":" + (i + 1) + ": not a truth line: " + e.getMessage(), e);
      }
    }
    return truths;
  }

  private static Truth fromJson(JsonNode line) {
    String id = line.path("id").asText("");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("no id");
    }
    String source = line.path("source").asText("").replaceFirst("@.*", "");
    return new Truth(id, source.isEmpty() ? "unknown" : source, text(line, "lang"),
        withAlternatives(line, "headline"), text(line, "published"), withAlternatives(line, "lead"));
  }

  private static Optional<String> text(JsonNode line, String field) {
    JsonNode node = line.path(field);
    return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static List<String> withAlternatives(JsonNode line, String field) {
    List<String> accepted = new ArrayList<>();
    if (text(line, field).isEmpty()) {
      return accepted;
    }
    accepted.add(line.get(field).asText());
    for (JsonNode alternative : line.path(field + "_alt")) {
      if (alternative.isTextual() && !alternative.asText().isBlank()) {
        accepted.add(alternative.asText());
      }
    }
    return accepted;
  }
}
