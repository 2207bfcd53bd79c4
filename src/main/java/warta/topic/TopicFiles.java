package warta.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The topic data files in one classpath folder, read and checked line by line; every problem is
 * collected with its file and line so that one load reports all of them.
 */
final class TopicFiles {

  static final String REGIONS = "regions.tsv";
  static final String THEMES = "themes.tsv";
  static final String COUNTRY_ALIASES = "country-aliases.tsv";
  static final String REGION_ALIASES = "region-aliases.tsv";
  static final String THEME_KEYWORDS = "theme-keywords.tsv";

  private static final Pattern TABS = Pattern.compile("\t+");
  private static final Pattern SPACES = Pattern.compile(" +");
  private static final Pattern SLUG = Pattern.compile("[a-z]+(-[a-z]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

  /** One region as {@code regions.tsv} declares it. */
  record RegionRow(Topic region, Optional<Topic> parent, String english, String indonesian,
                   List<Topic> members) {}

  /** One theme as {@code themes.tsv} declares it; {@code otherNames} are extra names readers may type. */
  record ThemeRow(Topic theme, String english, String indonesian, List<String> otherNames) {}

  private record Line(String file, int number, List<String> columns) {
    String where() {
      return file + ":" + number;
    }
  }

  private final String folder;
  private final List<String> problems = new ArrayList<>();
  private final List<RegionRow> regions = new ArrayList<>();
  private final List<ThemeRow> themes = new ArrayList<>();
  private final List<Phrase> aliases = new ArrayList<>();
  private final List<Phrase> keywords = new ArrayList<>();
  private final Map<String, String> listed = new HashMap<>(); // "words [languages] topic" -> where first listed

  /** Reads every file in {@code folder} (e.g. {@code topics}); see {@link #problems()} afterwards. */
  TopicFiles(String folder) {
    this.folder = folder;
    readRegions();
    readThemes();
    Map<String, Topic> countries = new HashMap<>();
    COUNTRY_CODES.forEach(code -> countries.put(code, Topic.country(code)));
    Map<String, Topic> regionSlugs = new HashMap<>();
    regions.forEach(row -> regionSlugs.put(row.region().code(), row.region()));
    readAliases(COUNTRY_ALIASES, countries, "is not an ISO 3166 alpha-2 country code");
    readAliases(REGION_ALIASES, regionSlugs, "is not a region in " + REGIONS);
    readKeywords();
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  List<RegionRow> regions() {
    return List.copyOf(regions);
  }

  List<ThemeRow> themes() {
    return List.copyOf(themes);
  }

  /** Names of countries and regions besides their own, and blocked phrases, in file order. */
  List<Phrase> aliases() {
    return List.copyOf(aliases);
  }

  List<Phrase> keywords() {
    return List.copyOf(keywords);
  }

  private void readRegions() {
    Map<Topic, Line> declared = new LinkedHashMap<>();
    for (Line line : lines(REGIONS, 4, 5)) {
      List<String> c = line.columns();
      Optional<Topic> region = slug(c.get(0));
      if (region.isEmpty()) {
        problems.add(line.where() + ": region slug " + c.get(0) + " is malformed (expected e.g. east-asia)");
        continue;
      }
      if (declared.containsKey(region.get())) {
        problems.add(line.where() + ": region " + c.get(0) + " is declared twice");
        continue;
      }
      Optional<Topic> parent = c.get(1).equals("-") ? Optional.empty() : slug(c.get(1));
      if (!c.get(1).equals("-") && parent.isEmpty()) {
        problems.add(line.where() + ": parent " + c.get(1) + " of " + c.get(0)
            + " is malformed (expected a region slug or -)");
      }
      List<Topic> members = new ArrayList<>();
      for (String code : c.size() == 5 ? SPACES.split(c.get(4)) : new String[0]) {
        if (COUNTRY_CODES.contains(code)) {
          members.add(Topic.country(code));
        } else {
          problems.add(line.where() + ": member " + code + " of " + c.get(0)
              + " is not an ISO 3166 alpha-2 country code");
        }
      }
      regions.add(new RegionRow(region.get(), parent, c.get(2), c.get(3), members));
      declared.put(region.get(), line);
    }
    Map<Topic, Topic> parentOf = new HashMap<>();
    for (RegionRow row : regions) {
      row.parent().ifPresent(parent -> parentOf.put(row.region(), parent));
      if (row.parent().isPresent() && !declared.containsKey(row.parent().get())) {
        problems.add(declared.get(row.region()).where() + ": parent " + row.parent().get() + " of "
            + row.region() + " is not a region in " + REGIONS);
      }
    }
    for (RegionRow row : regions) {
      Set<Topic> seen = new HashSet<>();
      for (Topic at = row.region(); at != null; at = parentOf.get(at)) {
        if (!seen.add(at)) {
          problems.add(declared.get(row.region()).where() + ": region " + row.region()
              + " is its own ancestor");
          break;
        }
      }
    }
  }

  private void readThemes() {
    for (Line line : lines(THEMES, 3, 4)) {
      List<String> c = line.columns();
      if (!SLUG.matcher(c.get(0)).matches()) {
        problems.add(line.where() + ": theme slug " + c.get(0) + " is malformed (expected e.g. climate)");
        continue;
      }
      Topic theme = Topic.theme(c.get(0));
      if (themes.stream().anyMatch(row -> row.theme().equals(theme))) {
        problems.add(line.where() + ": theme " + c.get(0) + " is declared twice");
        continue;
      }
      List<String> others = c.size() == 4 ? commaList(c.get(3)) : List.of();
      themes.add(new ThemeRow(theme, c.get(1), c.get(2), others));
    }
  }

  private void readAliases(String file, Map<String, Topic> known, String expected) {
    for (Line line : lines(file, 2, 3)) {
      List<String> c = line.columns();
      Set<Topic> topics = new LinkedHashSet<>();
      if (!c.get(0).equals("-")) {
        for (String code : SPACES.split(c.get(0))) {
          Topic topic = known.get(code);
          if (topic == null) {
            problems.add(line.where() + ": " + code + " " + expected);
          } else {
            topics.add(topic);
          }
        }
        if (topics.isEmpty()) {
          continue;
        }
      }
      Options options = options(line, c.size() == 3 ? c.get(2) : "", Set.of("case", "weak", "lang"));
      Phrase.Casing casing = options.exact ? Phrase.Casing.EXACT
          : topics.isEmpty() ? Phrase.Casing.ANY : Phrase.Casing.CAPITALIZED;
      for (String name : commaList(c.get(1))) {
        phrase(line, name, topics, casing, options.weak, options.languages).ifPresent(aliases::add);
      }
    }
  }

  private void readKeywords() {
    Set<String> slugs = new HashSet<>();
    themes.forEach(row -> slugs.add(row.theme().code()));
    for (Line line : lines(THEME_KEYWORDS, 3, 4)) {
      List<String> c = line.columns();
      boolean block = c.get(0).equals("-");
      if (!block && !slugs.contains(c.get(0))) {
        problems.add(line.where() + ": " + c.get(0) + " is not a theme in " + THEMES);
        continue;
      }
      if (!LANGUAGE.matcher(c.get(1)).matches()) {
        problems.add(line.where() + ": language " + c.get(1) + " is not an ISO 639-1 code");
        continue;
      }
      Options options = options(line, c.size() == 4 ? c.get(3) : "", Set.of("case"));
      Phrase.Casing casing = options.exact ? Phrase.Casing.EXACT : Phrase.Casing.ANY;
      for (String keyword : commaList(c.get(2))) {
        phrase(line, keyword, block ? Set.of() : Set.of(Topic.theme(c.get(0))), casing, false,
            Set.of(c.get(1))).ifPresent(keywords::add);
      }
    }
  }

  private Optional<Phrase> phrase(Line line, String name, Set<Topic> topics, Phrase.Casing casing,
                                  boolean weak, Set<String> languages) {
    boolean stem = name.endsWith("*");
    List<Token> tokens = Token.split(stem ? name.substring(0, name.length() - 1) : name);
    if (tokens.isEmpty()) {
      problems.add(line.where() + ": \"" + name + "\" has no words");
      return Optional.empty();
    }
    if (stem && (tokens.size() != 1 || tokens.get(0).folded().length() < PhraseMatcher.MIN_STEM
        || casing == Phrase.Casing.EXACT)) {
      problems.add(line.where() + ": stem \"" + name + "\" must be one word of at least "
          + PhraseMatcher.MIN_STEM + " letters, not matched by exact case");
      return Optional.empty();
    }
    List<String> folded = tokens.stream().map(Token::folded).toList();
    String key = String.join(" ", folded) + (stem ? "*" : "") + " " + new TreeSet<>(languages);
    for (String topic : topics.isEmpty() ? List.of("-") : topics.stream().map(Topic::code).toList()) {
      String earlier = listed.putIfAbsent(key + " " + topic, line.where());
      if (earlier != null) {
        problems.add(line.where() + ": \"" + name + "\" for " + topic + " is already listed at " + earlier);
        return Optional.empty();
      }
    }
    return Optional.of(new Phrase(tokens.stream().map(Token::written).toList(), folded, topics, casing,
        weak, languages, stem));
  }

  private record Options(boolean exact, boolean weak, Set<String> languages) {}

  private Options options(Line line, String text, Set<String> allowed) {
    boolean exact = false;
    boolean weak = false;
    Set<String> languages = new LinkedHashSet<>();
    for (String option : SPACES.split(text.strip())) {
      if (option.isEmpty()) {
        continue;
      }
      String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
      if (!allowed.contains(name)) {
        problems.add(line.where() + ": unknown option " + option + " (expected "
            + String.join(" or ", allowed.stream().sorted().map(o -> o.equals("lang") ? "lang=id,ms" : o)
                .toList()) + ", separated by spaces)");
      } else if (name.equals("case")) {
        exact = true;
      } else if (name.equals("weak")) {
        weak = true;
      } else {
        for (String language : option.substring(name.length() + 1).split(",")) {
          if (LANGUAGE.matcher(language).matches()) {
            languages.add(language);
          } else {
            problems.add(line.where() + ": language " + language + " is not an ISO 639-1 code");
          }
        }
      }
    }
    return new Options(exact, weak, languages);
  }

  private List<Line> lines(String file, int minColumns, int maxColumns) {
    String resource = folder + "/" + file;
    InputStream in = TopicFiles.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      problems.add(resource + ": missing from the classpath");
      return List.of();
    }
    List<Line> lines = new ArrayList<>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        number++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        List<String> columns = Arrays.stream(TABS.split(text.strip())).map(String::strip).toList();
        if (columns.size() < minColumns || columns.size() > maxColumns) {
          problems.add(resource + ":" + number + ": " + columns.size() + " columns, expected "
              + (minColumns == maxColumns ? minColumns : minColumns + "-" + maxColumns)
              + " separated by tabs");
          continue;
        }
        lines.add(new Line(resource, number, columns));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return lines;
  }

  private static List<String> commaList(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Optional<Topic> slug(String slug) {
    return SLUG.matcher(slug).matches() ? Optional.of(Topic.region(slug)) : Optional.empty();
  }
}
