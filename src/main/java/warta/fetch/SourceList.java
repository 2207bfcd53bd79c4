package warta.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's sources file, read: one source per line, a URL optionally followed by
 * {@code key=value} pairs ({@code lang=id section=Internasional name="BBC World"}), {@code #} comments
 * and blank lines ignored. A bad line is a problem naming its line, never a reason to drop the others.
 *
 * @param sources the good lines, in file order, each URL once
 * @param problems one message per bad line or value, e.g. {@code sources.txt:7: ftp://x is not an http or https URL}
 */
public record SourceList(List<Source> sources, List<String> problems) {

  private static final Set<String> KEYS = Set.of("lang", "section", "name");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  /** A key=value pair; the value may be quoted to hold spaces. */
  private static final Pattern PAIR = Pattern.compile("([A-Za-z]+)=(\"[^\"]*\"|\\S*)");

  public SourceList {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }

  /** Reads the file; a missing file is an empty list with one problem saying so. */
  public static SourceList read(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try {
      return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return new SourceList(List.of(), List.of(file + ": no such file (no sources to fetch)"));
    } catch (IOException e) {
      return new SourceList(List.of(), List.of(file + ": cannot read: " + e.getMessage()));
    }
  }

  /** Parses the text of a sources file; {@code name} prefixes every problem. */
  public static SourceList parse(String name, String text) {
    Map<URI, Source> sources = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = withoutComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = name + ":" + number + ": ";
      int space = firstWhitespace(line);
      String url = space < 0 ? line : line.substring(0, space);
      String rest = space < 0 ? "" : line.substring(space + 1).strip();
      Map<String, String> values = new HashMap<>();
      var pairs = PAIR.matcher(rest);
      int end = 0;
      while (pairs.find()) {
        if (!rest.substring(end, pairs.start()).isBlank()) {
          problems.add(where + "\"" + rest.substring(end, pairs.start()).strip() + "\" is not a key=value pair");
        }
        String key = pairs.group(1).toLowerCase(Locale.ROOT);
        String value = pairs.group(2).replaceAll("^\"|\"$", "").strip();
        if (!KEYS.contains(key)) {
          problems.add(where + "unknown key " + key + " (expected lang, section or name)");
        } else {
          values.put(key, value);
        }
        end = pairs.end();
      }
      if (!rest.substring(end).isBlank()) {
        problems.add(where + "\"" + rest.substring(end).strip() + "\" is not a key=value pair");
      }
      String language = values.getOrDefault("lang", "").toLowerCase(Locale.ROOT);
      if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
        problems.add(where + "lang=" + language + " is not a two-letter ISO 639-1 code (e.g. en, id)");
        language = "";
      }
      Source source;
      try {
        source = new Source(new URI(url), values.getOrDefault("name", ""), language,
            values.getOrDefault("section", ""), number);
      } catch (URISyntaxException | IllegalArgumentException e) {
        problems.add(where + url + " is not an http or https URL");
        continue;
      }
      Source earlier = sources.putIfAbsent(source.url(), source);
      if (earlier != null) {
        problems.add(where + url + " is listed already on line " + earlier.line() + "; this line is ignored");
      }
    }
    return new SourceList(new ArrayList<>(sources.values()), problems);
  }

  /** The source listed with this URL. */
  public Optional<Source> find(URI url) {
    return sources.stream().filter(s -> s.url().equals(url)).findFirst();
  }

  private static int firstWhitespace(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (Character.isWhitespace(line.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** A line without its comment: {@code #} at the start or after white space (URLs keep their fragments). */
  private static String withoutComment(String line) {
    String stripped = line.stripLeading();
    if (stripped.startsWith("#")) {
      return "";
    }
    int comment = line.indexOf(" #");
    int tab = line.indexOf("\t#");
    int at = comment < 0 ? tab : tab < 0 ? comment : Math.min(comment, tab);
    return at < 0 ? line : line.substring(0, at);
  }
}
