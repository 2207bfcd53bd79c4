package warta.article;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Time zones as news pages write them after a time, and the offset each one means on a date. */
final class DateZones {

  /**
   * Upper-case abbreviations only: in lower case most of them are words ({@code et}, {@code est},
   * {@code wit}). IST is India's; ET, CT, MT and PT follow the US daylight-saving rules.
   */
  private static final Map<String, ZoneId> ABBREVIATIONS = Map.ofEntries(
      Map.entry("UTC", ZoneOffset.UTC),
      Map.entry("GMT", ZoneOffset.UTC),
      Map.entry("UT", ZoneOffset.UTC),
      Map.entry("Z", ZoneOffset.UTC),
      Map.entry("WIB", ZoneOffset.ofHours(7)),
      Map.entry("WITA", ZoneOffset.ofHours(8)),
      Map.entry("WIT", ZoneOffset.ofHours(9)),
      Map.entry("ICT", ZoneOffset.ofHours(7)),
      Map.entry("SGT", ZoneOffset.ofHours(8)),
      Map.entry("MYT", ZoneOffset.ofHours(8)),
      Map.entry("HKT", ZoneOffset.ofHours(8)),
      Map.entry("PHT", ZoneOffset.ofHours(8)),
      Map.entry("JST", ZoneOffset.ofHours(9)),
      Map.entry("KST", ZoneOffset.ofHours(9)),
      Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
      Map.entry("AEST", ZoneOffset.ofHours(10)),
      Map.entry("AEDT", ZoneOffset.ofHours(11)),
      Map.entry("WET", ZoneOffset.UTC),
      Map.entry("WEST", ZoneOffset.ofHours(1)),
      Map.entry("BST", ZoneOffset.ofHours(1)),
      Map.entry("CET", ZoneOffset.ofHours(1)),
      Map.entry("CEST", ZoneOffset.ofHours(2)),
      Map.entry("MEZ", ZoneOffset.ofHours(1)),
      Map.entry("MESZ", ZoneOffset.ofHours(2)),
      Map.entry("EET", ZoneOffset.ofHours(2)),
      Map.entry("EEST", ZoneOffset.ofHours(3)),
      Map.entry("MSK", ZoneOffset.ofHours(3)),
      Map.entry("МСК", ZoneOffset.ofHours(3)),
      Map.entry("EST", ZoneOffset.ofHours(-5)),
      Map.entry("EDT", ZoneOffset.ofHours(-4)),
      Map.entry("CST", ZoneOffset.ofHours(-6)),
      Map.entry("CDT", ZoneOffset.ofHours(-5)),
      Map.entry("MST", ZoneOffset.ofHours(-7)),
      Map.entry("MDT", ZoneOffset.ofHours(-6)),
      Map.entry("PST", ZoneOffset.ofHours(-8)),
      Map.entry("PDT", ZoneOffset.ofHours(-7)),
      Map.entry("ET", ZoneId.of("America/New_York")),
      Map.entry("CT", ZoneId.of("America/Chicago")),
      Map.entry("MT", ZoneId.of("America/Denver")),
      Map.entry("PT", ZoneId.of("America/Los_Angeles")));

  private static final String NUMERIC = "[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?";

  /**
   * A zone after a time: {@code Z}, {@code +07}, {@code +0700}, {@code -05:00}, {@code GMT+7},
   * {@code UTC+05:30}, or an abbreviation. Case-sensitive.
   */
  static final String REGEX = "(?:(?:UTC|GMT)\\s?[+-]\\d{1,2}(?::?[0-5]\\d)?|" + NUMERIC + "|"
      + ABBREVIATIONS.keySet().stream()
          .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(a -> a))
          .collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}])";

  private static final Pattern OFFSET = Pattern.compile(
      "(?:UTC|GMT)?\\s?(?<sign>[+-])(?<hours>\\d{1,2})(?::?(?<minutes>\\d{2}))?");

  private DateZones() {}

  /** Whether the zone is written as a bare number ({@code +0700}, {@code -05:00}). */
  static boolean isBareOffset(String zone) {
    return zone.startsWith("+") || zone.startsWith("-");
  }

  /** The offset the zone has at that local time; empty for an offset past ±18:00. */
  static Optional<ZoneOffset> offsetAt(String zone, LocalDateTime local) {
    ZoneId named = ABBREVIATIONS.get(zone);
    if (named != null) {
      return Optional.of(named.getRules().getOffset(local));
    }
    Matcher offset = OFFSET.matcher(zone);
    if (!offset.matches()) {
      return Optional.empty();
    }
    int sign = offset.group("sign").equals("-") ? -1 : 1;
    int hours = Integer.parseInt(offset.group("hours"));
    int minutes = offset.group("minutes") == null ? 0 : Integer.parseInt(offset.group("minutes"));
    if (minutes > 59 || hours * 60 + minutes > 18 * 60) {
      return Optional.empty();
    }
    return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
  }
}
