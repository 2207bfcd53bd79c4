package warta.topic;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every country, region and theme a reader can follow, with their names in English and Indonesian. */
public final class TopicCatalog {

  private static final Logger log = LoggerFactory.getLogger(TopicCatalog.class);

  /**
   * Languages whose JDK country names count only in text of that language ({@code Island} is
   * Iceland in German, not in English); English and Indonesian names count in every text.
   */
  private static final List<String> SCOPED_NAME_LANGUAGES = List.of("de", "fr", "es", "it", "pt", "nl", "ru");

  private static final Map<String, String> AND = Map.of("en", "and", "id", "dan");

  private record Names(String english, String indonesian) {}

  /** A topic near a typed name: rank 0 for its exact name, 1 for a start or one edit, up to 3. */
  private record Suggestion(Topic topic, int rank, int length) {}

  private static final Comparator<Suggestion> NEAREST_FIRST = Comparator.comparingInt(Suggestion::rank)
      .thenComparingInt(Suggestion::length)
      .thenComparing(s -> s.topic().kind())
      .thenComparing(s -> s.topic().code());

  private final List<Topic> countries;
  private final List<Topic> regions;
  private final List<Topic> themes;
  private final Map<Topic, Names> names;
  private final Map<Topic, Map<Topic, Integer>> enclosing;
  private final List<Phrase> phrases;
  private final Map<String, Set<Topic>> byName = new HashMap<>();
  private final Map<String, Set<Topic>> byLanguageAlias = new HashMap<>();
  private final Map<String, Set<Topic>> byCode = new HashMap<>();
  private final Map<String, Set<Topic>> byAlias = new HashMap<>();
  private final Map<String, Set<Topic>> byOtherLanguageAlias = new HashMap<>();
  private final Map<String, Set<Topic>> everyName = new HashMap<>();

  /** The catalog built from the JDK's country names and the data files under {@code resources/topics}. */
  public static TopicCatalog standard() {
    return Standard.CATALOG;
  }

  private static final class Standard {
    static final TopicCatalog CATALOG = load("topics");
  }

  /**
   * Builds a catalog from the data files in a classpath folder.
   *
   * @throws IllegalStateException listing every problem in the files, one per line
   */
  static TopicCatalog load(String folder) {
    long started = System.nanoTime();
    TopicFiles files = new TopicFiles(folder);
    List<String> problems = files.problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("topic data in " + folder + " has " + problems.size()
          + (problems.size() == 1 ? " problem" : " problems") + ":\n" + String.join("\n", problems));
    }
    TopicCatalog catalog = new TopicCatalog(files);
    log.debug("topics: {} countries, {} regions, {} themes and {} phrases loaded from {} in {} ms",
        catalog.countries.size(), catalog.regions.size(), catalog.themes.size(),
        catalog.phrases.size(), folder, (System.nanoTime() - started) / 1_000_000);
    return catalog;
  }

  private TopicCatalog(TopicFiles files) {
    Map<Topic, Names> displayNames = new LinkedHashMap<>();
    Map<String, Phrase> namePhrases = new LinkedHashMap<>(); // by folded words
    Map<Topic, List<Topic>> containers = new HashMap<>();
    List<Topic> countryList = new ArrayList<>();
    Locale indonesian = Locale.forLanguageTag("id");
    for (String code : Locale.getISOCountries()) {
      Topic country = Topic.country(code);
      Locale place = new Locale("", code);
      countryList.add(country);
      displayNames.put(country, new Names(place.getDisplayCountry(Locale.ENGLISH),
          place.getDisplayCountry(indonesian)));
      for (String language : List.of("en", "id")) {
        for (String variant : variants(place.getDisplayCountry(Locale.forLanguageTag(language)), language)) {
          addName(namePhrases, variant, country, Set.of());
          index(byName, variant, country);
        }
      }
      for (String language : SCOPED_NAME_LANGUAGES) {
        addName(namePhrases, place.getDisplayCountry(Locale.forLanguageTag(language)), country, Set.of(language));
      }
      index(byCode, code, country);
    }
    List<Topic> regionList = new ArrayList<>();
    for (TopicFiles.RegionRow row : files.regions()) {
      regionList.add(row.region());
      displayNames.put(row.region(), new Names(row.english(), row.indonesian()));
      for (String name : List.of(row.english(), row.indonesian())) {
        addName(namePhrases, name, row.region(), Set.of());
        index(byName, name, row.region());
      }
      index(byCode, row.region().code(), row.region());
      row.parent().ifPresent(parent ->
          containers.computeIfAbsent(row.region(), r -> new ArrayList<>()).add(parent));
      row.members().forEach(member ->
          containers.computeIfAbsent(member, m -> new ArrayList<>()).add(row.region()));
    }
    List<Topic> themeList = new ArrayList<>();
    for (TopicFiles.ThemeRow row : files.themes()) {
      themeList.add(row.theme());
      displayNames.put(row.theme(), new Names(row.english(), row.indonesian()));
      index(byCode, row.theme().code(), row.theme());
      Stream.concat(Stream.of(row.english(), row.indonesian()), row.otherNames().stream())
          .forEach(name -> index(byName, name, row.theme()));
    }
    for (Phrase alias : files.aliases()) {
      String key = String.join(" ", alias.folded());
      namePhrases.remove(key); // the data file knows better than the JDK: Chad is weak
      for (Topic topic : alias.topics()) {
        if (alias.languages().isEmpty()) {
          index(byAlias, key, topic);
        } else {
          index(byOtherLanguageAlias, key, topic);
          alias.languages().forEach(language ->
              byLanguageAlias.computeIfAbsent(language + ":" + key, k -> new LinkedHashSet<>()).add(topic));
        }
      }
    }
    List<Phrase> all = new ArrayList<>(namePhrases.values());
    all.addAll(files.aliases());
    all.addAll(files.keywords());
    Stream.of(byName, byCode, byAlias, byOtherLanguageAlias).forEach(index -> index.forEach((key, topics) ->
        everyName.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(topics)));

    this.countries = List.copyOf(countryList);
    this.regions = List.copyOf(regionList);
    this.themes = List.copyOf(themeList);
    this.names = Collections.unmodifiableMap(displayNames);
    this.phrases = List.copyOf(all);
    Map<Topic, Map<Topic, Integer>> enclosingRegions = new HashMap<>();
    Stream.concat(countries.stream(), regions.stream())
        .forEach(topic -> enclosingRegions.put(topic, enclosing(topic, containers)));
    this.enclosing = Collections.unmodifiableMap(enclosingRegions);
  }

  /**
   * The topic a reader means by a code ({@code RU}, {@code southeast-asia}), an English or
   * Indonesian name, or an alias, ignoring case and accents; empty when unknown or when it names
   * several topics ({@code Korean Peninsula}).
   */
  public Optional<Topic> find(String name) {
    return find(name, "");
  }

  /**
   * Like {@link #find(String)}, reading short forms of the reader's language before codes:
   * {@code AS} is the United States in Indonesian and American Samoa's code otherwise. Names,
   * then the language's short forms, codes, aliases and last other languages' short forms
   * ({@code RRC}) are tried in turn.
   *
   * @param language ISO 639-1 code of the reader's language, {@code ""} when unknown
   */
  public Optional<Topic> find(String name, String language) {
    String key = Token.key(name);
    for (Set<Topic> topics : List.of(byName.getOrDefault(key, Set.of()),
        byLanguageAlias.getOrDefault(languageOf(language) + ":" + key, Set.of()),
        byCode.getOrDefault(key, Set.of()), byAlias.getOrDefault(key, Set.of()),
        byOtherLanguageAlias.getOrDefault(key, Set.of()))) {
      if (!topics.isEmpty()) {
        return topics.size() == 1 ? Optional.of(topics.iterator().next()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Up to {@code max} topics whose names are nearest to a mistyped or unfinished name, nearest
   * first: exact names, then names it starts or differs by one edit from, then two or three edits
   * (allowed for longer names); empty when nothing is near.
   */
  public List<Topic> suggest(String name, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max " + max + " is negative");
    }
    String key = Token.key(name);
    if (key.isEmpty()) {
      return List.of();
    }
    Map<Topic, Suggestion> best = new HashMap<>();
    everyName.forEach((candidate, topics) -> {
      int rank = Integer.MAX_VALUE;
      if (key.length() >= 3 && candidate.startsWith(key)) {
        rank = candidate.length() == key.length() ? 0 : 1;
      }
      int allowed = typos(Math.min(key.length(), candidate.length()));
      if (rank > 1 && Math.abs(candidate.length() - key.length()) <= allowed) {
        int distance = editDistance(key, candidate);
        rank = distance <= allowed ? distance : rank;
      }
      if (rank == Integer.MAX_VALUE) {
        return;
      }
      for (Topic topic : topics) {
        Suggestion suggestion = new Suggestion(topic, rank, candidate.length());
        best.merge(topic, suggestion, (a, b) -> NEAREST_FIRST.compare(a, b) <= 0 ? a : b);
      }
    });
    return best.values().stream().sorted(NEAREST_FIRST).limit(max).map(Suggestion::topic).toList();
  }

  /** The topic's name in the locale's language when it is Indonesian, otherwise in English. */
  public String displayName(Topic topic, Locale locale) {
    return displayName(topic, locale.getLanguage());
  }

  /**
   * The topic's name in Indonesian for {@code id}, otherwise in English; a topic this catalog does
   * not know (say, one stored before a region was renamed) shows its code.
   *
   * @param language ISO 639-1 code or language tag, such as {@code id} or {@code en-GB}
   */
  public String displayName(Topic topic, String language) {
    Names known = names.get(requireNonNull(topic, "topic"));
    if (known == null) {
      return topic.code();
    }
    return languageOf(language).equals("id") ? known.indonesian() : known.english();
  }

  /** Countries by code, then regions and themes in data-file order. */
  public List<Topic> all() {
    return Stream.of(countries, regions, themes).flatMap(List::stream).toList();
  }

  /** All ISO 3166 countries and territories, by code. */
  public List<Topic> countries() {
    return countries;
  }

  /** Regions in data-file order, each continent before its subregions. */
  public List<Topic> regions() {
    return regions;
  }

  /** The fixed themes in data-file order. */
  public List<Topic> themes() {
    return themes;
  }

  /**
   * The regions a country (or region) lies in, with their parents, nearest first: {@code ID} is in
   * {@code southeast-asia} and {@code asia}; empty for themes and for topics in no region.
   */
  public Set<Topic> regionsOf(Topic topic) {
    return Collections.unmodifiableSet(enclosingRegions(topic).keySet());
  }

  /** The regions around a topic with their distance: 1 for a region listing it, 2 for that region's parent. */
  Map<Topic, Integer> enclosingRegions(Topic topic) {
    return enclosing.getOrDefault(topic, Map.of());
  }

  /** Every name, alias and keyword, for the tagger's matcher. */
  List<Phrase> phrases() {
    return phrases;
  }

  /** The ISO 639-1 code of a language tag: {@code en-GB} is {@code en}, Java's old {@code in} is {@code id}. */
  static String languageOf(String tag) {
    String language = tag.strip().toLowerCase(Locale.ROOT);
    int end = language.indexOf('-') >= 0 ? language.indexOf('-') : language.indexOf('_');
    language = end >= 0 ? language.substring(0, end) : language;
    return language.equals("in") ? "id" : language;
  }

  private static List<String> variants(String jdkName, String language) {
    List<String> variants = new ArrayList<>();
    variants.add(jdkName);
    int open = jdkName.indexOf(" (");
    if (open > 0) {
      variants.add(jdkName.substring(0, open));
      if (jdkName.endsWith(")")) {
        variants.add(jdkName.substring(open + 2, jdkName.length() - 1)); // Myanmar (Burma)
      }
    }
    if (jdkName.contains("&")) {
      variants.add(jdkName.replace("&", AND.get(language)));
    }
    return variants;
  }

  private static void addName(Map<String, Phrase> names, String name, Topic topic, Set<String> languages) {
    List<Token> tokens = Token.split(name);
    if (tokens.isEmpty()) {
      return;
    }
    List<String> folded = tokens.stream().map(Token::folded).toList();
    String key = String.join(" ", folded);
    Phrase known = names.get(key);
    if (known != null && !known.topics().contains(topic)) {
      log.debug("name {} of {} is already {}'s, kept for them", name, topic, known.topics());
      return;
    }
    Set<String> scope = new LinkedHashSet<>(languages);
    if (known != null) {
      scope.addAll(known.languages());
      if (known.languages().isEmpty() || languages.isEmpty()) {
        scope.clear();
      }
    }
    names.put(key, new Phrase(tokens.stream().map(Token::written).toList(), folded, Set.of(topic),
        Phrase.Casing.CAPITALIZED, false, scope, false));
  }

  private static void index(Map<String, Set<Topic>> index, String name, Topic topic) {
    String key = Token.key(name);
    if (!key.isEmpty()) {
      index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(topic);
    }
  }

  private static Map<Topic, Integer> enclosing(Topic topic, Map<Topic, List<Topic>> containers) {
    Map<Topic, Integer> distances = new LinkedHashMap<>();
    Deque<Topic> queue = new ArrayDeque<>(List.of(topic));
    Map<Topic, Integer> seen = new HashMap<>(Map.of(topic, 0));
    while (!queue.isEmpty()) {
      Topic at = queue.removeFirst();
      for (Topic region : containers.getOrDefault(at, List.of())) {
        if (!seen.containsKey(region)) {
          seen.put(region, seen.get(at) + 1);
          distances.put(region, seen.get(at) + 1);
          queue.addLast(region);
        }
      }
    }
    return Collections.unmodifiableMap(distances);
  }

  /** Edits allowed between a typed name and a known one: one up to 5 letters, two up to 10, then three. */
  private static int typos(int length) {
    return length <= 5 ? 1 : length <= 10 ? 2 : 3;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
