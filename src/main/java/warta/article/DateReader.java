package warta.article;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication dates as pages and scraped texts write them, in many languages, and never
 * invents one.
 *
 * <p>Only whole dates with a year from 1990 to 2100 are read. The calendar day and the time stay
 * as written, with the offset the text gives: {@code 2024-01-16T23:30-05:00} stays on the 16th.
 * Relative dates ({@code 3 hours ago}, {@code 2 jam yang lalu}) and dates without a year are not
 * read. All numbers like {@code 03/04/2024} are read day first, unless the language hint's region
 * is the US ({@code en-US}): then month first. Either way a number over 12 decides
 * ({@code 01/16/2024} is January 16). Thread-safe: it keeps no state between calls.
 */
public final class DateReader {

  private static final int FIRST_YEAR = 1990;
  private static final int LAST_YEAR = 2100;
  private static final Instant FIRST_EPOCH_INSTANT = Instant.parse("1995-01-01T00:00:00Z");
  private static final Instant LAST_EPOCH_INSTANT = Instant.parse("2101-01-01T00:00:00Z");

  private static final String YEAR = "(?<year>(?:19|20|21)\\d{2})(?!\\d)";
  private static final String DAY = "(?<day>[0-3]?\\d)(?!\\d)";
  /** Any word in the month's place: checked against {@link DateNames} once the pattern matched. */
  private static final String MONTH_NAME = "(?<month>\\p{L}{3,12})\\.?";
  /** Not inside a longer number, a decimal, a version, a path or a word. */
  private static final String NUMBER_START = "(?<![\\p{L}\\p{N}.,/-])";
  private static final String WORD_START = "(?<![\\p{L}\\p{N}])";

  /**
   * How a date without its time may be written, as patterns over the folded text. Each starts with
   * a one-character look-ahead, cheap enough that a 5 KB text takes about a millisecond.
   */
  private enum Form {
    /** {@code 2024-01-16}, {@code 2024/1/16}, {@code 2024.01.16}, {@code 2024. 1. 16}. */
    YEAR_FIRST("(?=\\d)" + NUMBER_START + "(?<year>(?:19|20|21)\\d{2})(?<sep>[-/.]|\\.\\s)"
        + "(?<month>\\d{1,2})\\k<sep>" + DAY),
    /** {@code 16/01/2024}, {@code 16.01.2024}, {@code 1-16-2024}: the day is told apart later. */
    NUMBERS_YEAR_LAST("(?=\\d)" + NUMBER_START
        + "(?<first>\\d{1,2})(?<sep>[-/.])(?<second>\\d{1,2})\\k<sep>" + YEAR),
    /**
     * {@code 16 Januari 2024}, {@code 16. Januar 2024}, {@code 9th of December 2022},
     * {@code 1er mars 2024}, {@code 16 de enero de 2024}, {@code 16-Jan-2024},
     * {@code 16 января 2024 г.}.
     */
    DAY_MONTH_YEAR("(?=\\d)" + WORD_START + DAY + "(?i:st|nd|rd|th|er|eme|e|o|a)?\\.?"
        + "(?:\\s*[-/]\\s*|\\s+(?i:de|of)\\s+|\\s+|(?<=\\.))" + MONTH_NAME
        + "(?:\\s*[-/,]\\s*|\\s+(?i:de|del)\\s+|\\s+)" + YEAR
        + "(?:\\s?(?:г\\.|года|г|р\\.|року|р)(?!\\p{L}))?"),
    /** {@code December 9, 2022}, {@code Dec. 9 2022}, {@code January 16th, 2024}. */
    MONTH_DAY_YEAR("(?=\\p{L})" + WORD_START + MONTH_NAME + "\\s*" + DAY
        + "(?i:st|nd|rd|th)?(?:\\s*,\\s*|\\s+(?i:de\\s+)?)" + YEAR),
    /** {@code 2024年1月16日}, {@code 2024년 1월 16일}. */
    CJK("(?=\\d)(?<!\\d)(?<year>(?:19|20|21)\\d{2})\\s*[年년]\\s*"
        + "(?<month>\\d{1,2})\\s*[月월]\\s*" + DAY + "\\s*[日일]");

    final Pattern pattern;

    Form(String regex) {
      this.pattern = Pattern.compile(regex);
    }

    Optional<LocalDate> dateOf(Matcher date, boolean monthFirst) {
      int year = Integer.parseInt(date.group("year"));
      if (this == NUMBERS_YEAR_LAST) {
        int first = Integer.parseInt(date.group("first"));
        int second = Integer.parseInt(date.group("second"));
        boolean dayFirst = monthFirst ? first > 12 : second <= 12;
        return validDate(year, dayFirst ? second : first, dayFirst ? first : second);
      }
      String month = date.group("month");
      int monthNumber = Character.isDigit(month.charAt(0))
          ? Integer.parseInt(month)
          : DateNames.month(month).map(Month::getValue).orElse(0);
      return validDate(year, monthNumber, Integer.parseInt(date.group("day")));
    }
  }

  /**
   * A time of day with what may stand around it: {@code at 3:04 PM ET}, {@code pukul 14.05 WIB},
   * {@code 14:05:33.000+0000}, {@code 14h05}, {@code 14:05 Uhr}, {@code 14時05分}.
   */
  private static final String TIME =
      "(?:(?<word>(?iu:at|um|a|as|a las|alle|ore|om|kl\\.?|klo|pukul|pkl\\.?|jam|в|o|godz\\.?))"
      + "\\s+)?"
      + "(?<hour>[01]?\\d|2[0-3])"
      + "(?:(?<sep>[:.])(?<minute>[0-5]\\d)"
      + "(?:\\k<sep>(?<second>[0-5]\\d|60)(?:[.,](?<fraction>\\d{1,9}))?)?"
      + "|\\s?h\\s?(?<minuteH>[0-5]\\d)"
      + "|\\s?[時时시]\\s?(?<minuteCjk>[0-5]?\\d)\\s?[分분])(?!\\d)"
      + "(?:\\s?(?<meridiem>(?i:[ap]\\.?\\s?m\\.?))(?!\\p{L}))?"
      + "(?:\\s?(?i:uhr|hrs|h)(?!\\p{L}))?"
      + "(?:(?<zoneGap>\\s*)\\(?(?<zone>" + DateZones.REGEX + ")\\)?)?";

  /** A time right after the date: {@code T14:05Z}, {@code , 14:05 WIB}, {@code | 20:15 WIB}. */
  private static final Pattern TIME_AFTER = Pattern.compile(
      "\\)?(?:\\s*\\([^()]{1,15}\\))?"
      + "(?<separator>T|\\s*(?:[,|@·•/–—-]\\s*)*)" + TIME);

  /** A time right before the date: {@code 3:04 PM ET, Tue }January 16, 2024. */
  private static final Pattern TIME_BEFORE = Pattern.compile(
      "(?<![\\d:.])" + TIME + "[\\s,|·•–—-]*(?:(?i:on|le|am|el)\\s+)?"
      + "(?:(?iu:" + DateNames.WEEKDAY_REGEX + ")\\.?,?\\s*)?\\z");
  private static final int TIME_BEFORE_WINDOW = 60;

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  /** ISO 8601 basic format: {@code 20240116T140533Z}, {@code 20240116T1405+0700}. */
  private static final Pattern ISO_BASIC = Pattern.compile(
      "(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})?(?:[.,]\\d+)?(Z|[+-]\\d{2}(?:\\d{2})?)?");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");

  /** {@code /2024/01/16/}, {@code /2024-01-16-slug}, {@code /2024/jan/16/}, {@code /20240116/}. */
  private static final Pattern URL_DATE = Pattern.compile(
      "/(?<year>(?:19|20|21)\\d{2})(?:(?<sep>[/-])(?<month>\\d{1,2}|\\p{Alpha}{3,9})\\k<sep>"
      + "(?<day>\\d{1,2})|(?<compactMonth>\\d{2})(?<compactDay>\\d{2})(?<clock>\\d{6})?)"
      + "(?=[/_.-]|$)");
  private static final Pattern CLOCK = Pattern.compile("(?:[01]\\d|2[0-3])[0-5]\\d[0-5]\\d");

  /** The date a string holding one date expression says (a meta tag, JSON-LD, a date line). */
  public Optional<Published> parse(String text) {
    return parse(text, "");
  }

  /**
   * Like {@link #parse(String)}. Besides what {@link #find(String, String)} reads, it reads ISO 8601
   * basic format ({@code 20240116T140533Z}) and a string of digits alone: {@code 20240116}, or
   * Unix epoch seconds or milliseconds from 1995 to 2100 (offset Z). Digits that begin with a date
   * and go on ({@code 2024011605}) are not read: they may be either.
   *
   * @param languageHint a BCP 47 tag such as {@code en-US} or {@code id}, or {@code ""}
   */
  public Optional<Published> parse(String text, String languageHint) {
    String written = normalize(text).strip();
    if (DIGITS.matcher(written).matches()) {
      return fromDigits(written);
    }
    Matcher basic = ISO_BASIC.matcher(written);
    if (basic.matches()) {
      written = extendedIso(basic);
    }
    return first(written, monthFirst(languageHint));
  }

  /** The first whole date anywhere in a longer text, with its time when one is next to it. */
  public Optional<Published> find(String text) {
    return find(text, "");
  }

  /**
   * Like {@link #find(String)}.
   *
   * @param languageHint a BCP 47 tag; a US region ({@code en-US}) reads {@code 03/04/2024}
   *     month first
   */
  public Optional<Published> find(String text, String languageHint) {
    return first(normalize(text), monthFirst(languageHint));
  }

  /** The date in a URL's path ({@code /2024/01/16/}); the query and fragment are not looked at. */
  public Optional<LocalDate> fromUrl(String url) {
    Matcher date = URL_DATE.matcher(pathOf(requireNonNull(url, "url")));
    while (date.find()) {
      Optional<LocalDate> found = date.group("compactMonth") != null
          ? compactUrlDate(date)
          : monthNumber(date.group("month"))
              .flatMap(m -> validDate(number(date.group("year")), m, number(date.group("day"))));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Published> first(String written, boolean monthFirst) {
    Form[] forms = Form.values();
    Matcher[] dates = new Matcher[forms.length];
    boolean[] found = new boolean[forms.length];
    for (int i = 0; i < forms.length; i++) {
      dates[i] = forms[i].pattern.matcher(written);
      found[i] = dates[i].find();
    }
    while (true) {
      int earliest = -1;
      for (int i = 0; i < forms.length; i++) {
        if (found[i] && (earliest < 0 || startsBefore(dates[i], dates[earliest]))) {
          earliest = i;
        }
      }
      if (earliest < 0) {
        return Optional.empty();
      }
      Matcher date = dates[earliest];
      Optional<LocalDate> day = forms[earliest].dateOf(date, monthFirst);
      if (day.isPresent()) {
        return Optional.of(withTime(written, day.get(), date, forms[earliest] == Form.YEAR_FIRST));
      }
      found[earliest] = date.find(date.start() + 1); // an impossible date: look further on
    }
  }

  private static boolean startsBefore(Matcher a, Matcher b) {
    return a.start() < b.start() || a.start() == b.start() && a.end() > b.end();
  }

  private static Published withTime(String written, LocalDate day, Matcher date, boolean iso) {
    Matcher after = TIME_AFTER.matcher(written).region(date.end(), written.length());
    if (after.lookingAt()) {
      boolean isoTime = iso || "T".equals(after.group("separator"));
      Optional<Published> timed = timed(day, after, isoTime);
      if (timed.isPresent()) {
        return timed.get();
      }
    }
    Matcher before = TIME_BEFORE.matcher(written)
        .region(Math.max(0, date.start() - TIME_BEFORE_WINDOW), date.start())
        .useTransparentBounds(true);
    if (before.find()) {
      Optional<Published> timed = timed(day, before, false);
      if (timed.isPresent()) {
        return timed.get();
      }
    }
    return Published.on(day);
  }

  /**
   * The date at the matched time. Empty when the match is more likely a number than a time: a
   * one-digit hour with a dot ({@code 3.50}) and nothing else saying it is a time.
   *
   * @param iso whether a bare offset right after minutes is an offset ({@code T14:05-05:00}) rather
   *     than the end of a range ({@code 10:00-12:00})
   */
  private static Optional<Published> timed(LocalDate day, Matcher time, boolean iso) {
    String zone = time.group("zone");
    if (zone != null && DateZones.isBareOffset(zone) && time.group("zoneGap").isEmpty()
        && time.group("second") == null && !iso) {
      zone = null;
    }
    String meridiem = time.group("meridiem");
    boolean dotted = ".".equals(time.group("sep"));
    if (dotted && time.group("hour").length() == 1 && meridiem == null && zone == null
        && time.group("word") == null) {
      return Optional.empty();
    }
    int hour = number(time.group("hour"));
    if (meridiem != null && hour >= 1 && hour <= 12) {
      boolean afternoon = Character.toLowerCase(meridiem.charAt(0)) == 'p';
      hour = hour % 12 + (afternoon ? 12 : 0);
    }
    String minute = firstPresent(time.group("minute"), time.group("minuteH"),
        time.group("minuteCjk"));
    String second = time.group("second");
    String fraction = time.group("fraction");
    int nanos = fraction == null ? 0 : number((fraction + "00000000").substring(0, 9));
    // a leap second (:60) is read as :59, as java.time does
    int seconds = second == null ? 0 : Math.min(number(second), 59);
    LocalDateTime local = LocalDateTime.of(day, LocalTime.of(hour, number(minute), seconds, nanos));
    Optional<ZoneOffset> offset = zone == null
        ? Optional.empty() : DateZones.offsetAt(zone, local);
    return Optional.of(offset.map(o -> Published.at(OffsetDateTime.of(local, o)))
        .orElseGet(() -> Published.at(local)));
  }

  /**
   * {@code 20240116}, or epoch seconds or milliseconds. Digits that begin with such a date
   * ({@code 2024011605}) may be either, so they are not read.
   */
  private static Optional<Published> fromDigits(String digits) {
    int length = digits.length();
    Optional<LocalDate> compact = length < 8 ? Optional.empty() : validDate(
        number(digits.substring(0, 4)), number(digits.substring(4, 6)),
        number(digits.substring(6, 8)));
    if (length == 8) {
      return compact.map(Published::on);
    }
    if (compact.isPresent()) {
      return Optional.empty();
    }
    Instant instant;
    if (length == 9 || length == 10) {
      instant = Instant.ofEpochSecond(Long.parseLong(digits));
    } else if (length == 12 || length == 13) {
      instant = Instant.ofEpochMilli(Long.parseLong(digits));
    } else {
      return Optional.empty();
    }
    if (instant.isBefore(FIRST_EPOCH_INSTANT) || !instant.isBefore(LAST_EPOCH_INSTANT)) {
      return Optional.empty();
    }
    return Optional.of(Published.at(instant.atOffset(ZoneOffset.UTC)));
  }

  /** {@code 20240116T1405+0700} as {@code 2024-01-16T14:05+0700}. */
  private static String extendedIso(Matcher basic) {
    String seconds = basic.group(6) == null ? "" : ":" + basic.group(6);
    String zone = basic.group(7) == null ? "" : basic.group(7);
    return basic.group(1) + "-" + basic.group(2) + "-" + basic.group(3)
        + "T" + basic.group(4) + ":" + basic.group(5) + seconds + zone;
  }

  private static Optional<LocalDate> compactUrlDate(Matcher date) {
    String clock = date.group("clock");
    if (clock != null && !CLOCK.matcher(clock).matches()) {
      return Optional.empty();
    }
    return validDate(number(date.group("year")), number(date.group("compactMonth")),
        number(date.group("compactDay")));
  }

  private static Optional<Integer> monthNumber(String month) {
    return Character.isDigit(month.charAt(0))
        ? Optional.of(number(month))
        : DateNames.month(month).map(Month::getValue);
  }

  private static String pathOf(String url) {
    String path = url;
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      int slash = url.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : url.substring(slash);
    }
    int query = indexOfAny(path, '?', '#');
    return query < 0 ? path : path.substring(0, query);
  }

  private static int indexOfAny(String text, char a, char b) {
    int first = text.indexOf(a);
    int second = text.indexOf(b);
    return first < 0 ? second : second < 0 ? first : Math.min(first, second);
  }

  private static Optional<LocalDate> validDate(int year, int month, int day) {
    if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1
        || !YearMonth.of(year, month).isValidDay(day)) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.of(year, month, day));
  }

  private static boolean monthFirst(String languageHint) {
    requireNonNull(languageHint, "languageHint");
    return "US".equals(Locale.forLanguageTag(languageHint.replace('_', '-')).getCountry());
  }

  /**
   * Compatibility forms folded (full-width digits, no-break spaces), invisible characters dropped
   * and accents taken off Latin, Greek and Cyrillic letters.
   */
  private static String normalize(String text) {
    requireNonNull(text, "text");
    String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return DateNames.fold(INVISIBLE.matcher(compatible).replaceAll(""));
  }

  private static String firstPresent(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    throw new IllegalStateException("the time pattern always captures a minute");
  }

  private static int number(String digits) {
    return Integer.parseInt(digits);
  }
}
