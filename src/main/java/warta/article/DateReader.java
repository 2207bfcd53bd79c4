package warta.article;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TEMPORARY stand-in until the real reader lands. */
public final class DateReader {
  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern URL = Pattern.compile("/(\\d{4})[/-](\\d{2})[/-](\\d{2})/");

  public Optional<Published> parse(String text) {
    Matcher m = ISO.matcher(text.trim());
    if (!m.lookingAt()) return Optional.empty();
    String s = m.group().replace(' ', 'T');
    try { return Optional.of(Published.at(OffsetDateTime.parse(s))); } catch (DateTimeParseException e) { }
    try { return Optional.of(Published.at(LocalDateTime.parse(s))); } catch (DateTimeParseException e) { }
    try { return Optional.of(Published.on(LocalDate.parse(s.substring(0, 10)))); } catch (DateTimeParseException e) { }
    return Optional.empty();
  }

  public Optional<Published> find(String text) {
    Matcher m = ISO.matcher(text);
    return m.find() ? parse(m.group()) : Optional.empty();
  }

  public Optional<LocalDate> fromUrl(String url) {
    Matcher m = URL.matcher(url);
    if (!m.find()) return Optional.empty();
    try { return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))); }
    catch (RuntimeException e) { return Optional.empty(); }
  }
}
