package warta.article;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the language of a text from its script and, for Latin script, from how often each
 * language's most frequent function words occur in it.
 *
 * <p>Only the first 2,000 characters are looked at. Thread-safe: the word lists are read once.
 */
public final class LanguageGuesser {

  private static final int EXAMINED_CHARS = 2_000;
  /** Fewer letters of the text's main script than this say nothing. */
  private static final int MIN_LETTERS = 3;
  /** Fewer function words than this say nothing: a name or a headline fragment. */
  private static final int MIN_WORD_HITS = 2;
  /**
   * Malay and Indonesian share most function words; Malay needs this many more hits than
   * Indonesian, which is what most of our texts are.
   */
  private static final int MALAY_MARGIN = 2;
  private static final String WORDS_RESOURCE = "/article/language-words.txt";

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final LanguageWords WORDS = LanguageWords.load(WORDS_RESOURCE);

  /**
   * The ISO 639-1 code of the text's language ({@code id}, {@code en}, {@code zh} ...), or
   * {@code ""} when the text is too short or matches no language clearly.
   */
  public String guess(String text) {
    requireNonNull(text, "text");
    String examined = Normalizer.normalize(
        text.substring(0, Math.min(text.length(), EXAMINED_CHARS)), Normalizer.Form.NFC);
    Map<UnicodeScript, Integer> letters = lettersByScript(examined);
    UnicodeScript script = mainScript(letters);
    if (script == null || letters.get(script) < MIN_LETTERS) {
      return "";
    }
    return switch (script) {
      case LATIN -> byFunctionWords(examined);
      case HAN -> hanOrKana(examined, letters.get(UnicodeScript.HAN));
      case HANGUL -> "ko";
      case CYRILLIC -> russianOrUkrainian(examined);
      case THAI -> "th";
      case ARABIC -> "ar";
      case GREEK -> "el";
      case HEBREW -> "he";
      case DEVANAGARI -> "hi";
      default -> "";
    };
  }

  /**
   * Whether a lower-case word is one of the frequent function words ({@code the}, {@code yang},
   * {@code und}) of any language known here: words that say nothing about what a text is about.
   */
  public boolean isFunctionWord(String lowerCaseWord) {
    return WORDS.languagesByWord().containsKey(lowerCaseWord);
  }

  /** Letters counted by script; Japanese kana count as Han, told apart in hanOrKana. */
  private static Map<UnicodeScript, Integer> lettersByScript(String text) {
    Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
    text.codePoints().filter(Character::isLetter).forEach(c -> {
      UnicodeScript script = isKana(c) ? UnicodeScript.HAN : UnicodeScript.of(c);
      letters.merge(script, 1, Integer::sum);
    });
    return letters;
  }

  /** The script with the most letters; {@code null} without letters. */
  private static UnicodeScript mainScript(Map<UnicodeScript, Integer> letters) {
    return letters.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** Japanese writes at least one kana in ten of its Han and kana letters; Chinese none. */
  private static String hanOrKana(String text, int hanAndKana) {
    long kana = text.codePoints().filter(LanguageGuesser::isKana).count();
    return kana * 10 >= hanAndKana ? "ja" : "zh";
  }

  private static boolean isKana(int c) {
    UnicodeScript script = UnicodeScript.of(c);
    return script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA;
  }

  /** Ukrainian has і ї є ґ, Russian ы э ъ ё; whichever set occurs more decides. */
  private static String russianOrUkrainian(String text) {
    int ukrainian = 0;
    int russian = 0;
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      switch (c) {
        case 'і', 'ї', 'є', 'ґ' -> ukrainian++;
        case 'ы', 'э', 'ъ', 'ё' -> russian++;
        default -> { }
      }
    }
    return ukrainian > russian ? "uk" : "ru";
  }

  private static String byFunctionWords(String text) {
    int[] hits = new int[WORDS.languages().size()];
    Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (word.find()) {
      for (int language : WORDS.languagesOf(word.group())) {
        hits[language]++;
      }
      int writer = WORDS.languageWriting(word.group());
      if (writer >= 0) {
        hits[writer]++;
      }
    }
    // Malay competes with the others as part of Indonesian, then with Indonesian alone
    int indonesian = WORDS.languages().indexOf("id");
    int malay = WORDS.languages().indexOf("ms");
    int best = -1;
    int bestHits = 0;
    boolean tied = false;
    for (int i = 0; i < hits.length; i++) {
      int languageHits = i == indonesian ? Math.max(hits[i], hits[malay]) : hits[i];
      if (i == malay || languageHits < bestHits) {
        continue;
      }
      tied = languageHits == bestHits;
      best = i;
      bestHits = languageHits;
    }
    if (bestHits < MIN_WORD_HITS || tied) {
      return "";
    }
    if (best == indonesian && hits[malay] - hits[indonesian] >= MALAY_MARGIN) {
      return "ms";
    }
    return WORDS.languages().get(best);
  }

  /**
   * What each language is known by: its code, the languages using each function word, and the
   * language writing each letter that only one of them writes.
   */
  private record LanguageWords(List<String> languages, Map<String, int[]> languagesByWord,
                               Map<Integer, Integer> languageByLetter) {

    private static final int[] NONE = {};
    private static final String LETTERS = "letters:";

    int[] languagesOf(String word) {
      return languagesByWord.getOrDefault(word, NONE);
    }

    /** The language whose own letter the word holds, or -1. */
    int languageWriting(String word) {
      for (int i = 0; i < word.length(); ) {
        int letter = word.codePointAt(i);
        Integer language = languageByLetter.get(letter);
        if (language != null) {
          return language;
        }
        i += Character.charCount(letter);
      }
      return -1;
    }

    static LanguageWords load(String resource) {
      Map<String, Set<String>> wordsByLanguage = new LinkedHashMap<>();
      Map<String, Set<String>> lettersByLanguage = new HashMap<>();
      InputStream in = LanguageGuesser.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      try (var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          List<String> fields = List.of(
              Normalizer.normalize(line.strip(), Normalizer.Form.NFC).split("\\s+"));
          if (fields.get(0).isEmpty() || fields.get(0).startsWith("#")) {
            continue;
          }
          String language = fields.get(0);
          Set<String> words = wordsByLanguage.computeIfAbsent(language, k -> new LinkedHashSet<>());
          if (fields.size() > 1 && fields.get(1).equals(LETTERS)) {
            lettersByLanguage.computeIfAbsent(language, k -> new LinkedHashSet<>())
                .addAll(fields.subList(2, fields.size()));
          } else {
            fields.subList(1, fields.size()).forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
      List<String> languages = List.copyOf(wordsByLanguage.keySet());
      Map<String, List<Integer>> byWord = new HashMap<>();
      Map<Integer, Integer> byLetter = new HashMap<>();
      for (int i = 0; i < languages.size(); i++) {
        for (String word : wordsByLanguage.get(languages.get(i))) {
          byWord.computeIfAbsent(word, k -> new ArrayList<>()).add(i);
        }
        for (String letter : lettersByLanguage.getOrDefault(languages.get(i), Set.of())) {
          byLetter.put(letter.codePointAt(0), i);
        }
      }
      Map<String, int[]> languagesByWord = new HashMap<>();
      byWord.forEach((word, users) ->
          languagesByWord.put(word, users.stream().mapToInt(Integer::intValue).toArray()));
      return new LanguageWords(languages, Map.copyOf(languagesByWord), Map.copyOf(byLetter));
    }
  }
}
