package warta.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateReaderTest {

  private final DateReader reader = new DateReader();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      2024-01-16                        => 2024-01-16
      2024-01-16T14:05                  => 2024-01-16T14:05
      2024-01-16T14:05:33Z              => 2024-01-16T14:05:33Z
      2024-01-16T14:05:33.123+07:00     => 2024-01-16T14:05:33.123+07:00
      2024-01-16T14:05:33.123456789Z    => 2024-01-16T14:05:33.123456789Z
      2024-01-16T14:05:33+0700          => 2024-01-16T14:05:33+07:00
      2024-01-16T14:05:33+07            => 2024-01-16T14:05:33+07:00
      2024-01-16T14:05-05:00            => 2024-01-16T14:05-05:00
      2024-01-16 14:05:33               => 2024-01-16T14:05:33
      2024-01-16 14:05:33+07:00         => 2024-01-16T14:05:33+07:00
      2024-01-16T14:05:33.000+0000      => 2024-01-16T14:05:33Z
      2024-01-16T14:05:33+07:00[Asia/Jakarta] => 2024-01-16T14:05:33+07:00
      2024-1-6                          => 2024-01-06
      2024/01/16                        => 2024-01-16
      2024/01/16 14:05                  => 2024-01-16T14:05
      2024.01.16                        => 2024-01-16
      20240116                          => 2024-01-16
      20240116T140533Z                  => 2024-01-16T14:05:33Z
      20240116T1405+0700                => 2024-01-16T14:05+07:00
      20240116T1405                     => 2024-01-16T14:05
      '  2024-01-16  '                  => 2024-01-16
      """)
  void readsIso8601AndItsCommonVariants(String text, String expected) {
    assertThat(reader.parse(text)).contains(published(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      'Tue, 16 Jan 2024 14:05:00 GMT'             => 2024-01-16T14:05Z
      'Tue, 16 Jan 2024 14:05:00 +0700'           => 2024-01-16T14:05+07:00
      '16 Jan 2024 14:05:00 +0700'                => 2024-01-16T14:05+07:00
      'Tue, 16 Jan 2024 14:05:00 UT'              => 2024-01-16T14:05Z
      'Tue, 16 Jan 2024 09:05:00 EST'             => 2024-01-16T09:05-05:00
      'Tue, 16 Jul 2024 09:05:00 PDT'             => 2024-07-16T09:05-07:00
      'Tue, 16 Jan 2024 14:05 GMT'                => 2024-01-16T14:05Z
      'Tue Jan 16 2024 14:05:00 GMT+0700 (Western Indonesia Time)' => 2024-01-16T14:05+07:00
      """)
  void readsRfc1123AndRfc822Dates(String text, String expected) {
    assertThat(reader.parse(text)).contains(published(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      'DECEMBER 9, 2022'                          => 2022-12-09
      'december 9, 2022'                          => 2022-12-09
      'December 9, 2022 10:30 AM'                 => 2022-12-09T10:30
      'December 9, 2022 12:15 a.m.'               => 2022-12-09T00:15
      'December 9, 2022 at 12:15 pm'              => 2022-12-09T12:15
      'Dec. 9, 2022'                              => 2022-12-09
      'Sept. 30, 2022'                            => 2022-09-30
      'Jan 16 2024'                               => 2024-01-16
      'January 16th, 2024'                        => 2024-01-16
      '9 December 2022'                           => 2022-12-09
      '9th December 2022'                         => 2022-12-09
      '9th of December 2022'                      => 2022-12-09
      '1st March 2024'                            => 2024-03-01
      '16-Jan-2024'                               => 2024-01-16
      'Sunday 15 November 2020 09.06'             => 2020-11-15T09:06
      'Updated 3:04 PM ET, Tue January 16, 2024'  => 2024-01-16T15:04-05:00
      'Updated 3:04 PM ET, Tue July 16, 2024'     => 2024-07-16T15:04-04:00
      'Monday, January 15, 2024 8:15 PM'          => 2024-01-15T20:15
      """)
  void readsEnglishDatesWrittenOut(String text, String expected) {
    assertThat(reader.parse(text)).contains(published(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      'Selasa, 16 Januari 2024'                   => 2024-01-16
      '16 Jan 2024 14:05 WIB'                     => 2024-01-16T14:05+07:00
      '16/01/2024 14:05 WIB'                      => 2024-01-16T14:05+07:00
      'Senin, 15 Jan 2024 | 20:15 WIB'            => 2024-01-15T20:15+07:00
      '16 Januari 2024, 14.05 WITA'               => 2024-01-16T14:05+08:00
      'Rabu, 17 Januari 2024 pukul 09.30 WIT'     => 2024-01-17T09:30+09:00
      'Kamis, 18 Jan 2024 07:36 WIB'              => 2024-01-18T07:36+07:00
      'Jumat, 19/01/2024 09:00 WIB'               => 2024-01-19T09:00+07:00
      '17 Agustus 2023'                           => 2023-08-17
      '17 Agt 2023'                               => 2023-08-17
      '5 Okt 2023'                                => 2023-10-05
      '1 Mei 2023'                                => 2023-05-01
      '2 Des 2023'                                => 2023-12-02
      '10 Nopember 2023'                          => 2023-11-10
      '14 Pebruari 2023'                          => 2023-02-14
      '3 Maret 2023'                              => 2023-03-03
      """)
  void readsIndonesianDates(String text, String expected) {
    assertThat(reader.parse(text)).contains(published(expected));
  }

  @Test
  void readsIndonesianWeekdayDateWithWib() {
    assertThat(reader.parse("Selasa, 16 Januari 2024 14:05 WIB"))
        .contains(published("2024-01-16T14:05+07:00"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      '16. Januar 2024'                           => 2024-01-16
      '16.01.2024'                                => 2024-01-16
      '16.01.2024, 14:05 Uhr'                     => 2024-01-16T14:05
      'Dienstag, 16. Jänner 2024'                 => 2024-01-16
      '3. März 2024'                              => 2024-03-03
      '16 janvier 2024'                           => 2024-01-16
      '1er mars 2024'                             => 2024-03-01
      '16 février 2024 à 14h05'                   => 2024-02-16T14:05
      '16 fevrier 2024'                           => 2024-02-16
      '16 de enero de 2024'                       => 2024-01-16
      '16 de enero de 2024 a las 14:05'           => 2024-01-16T14:05
      '16 de janeiro de 2024'                     => 2024-01-16
      '16 de janeiro de 2024 às 14h05'            => 2024-01-16T14:05
      '16 gennaio 2024 alle 14:05'                => 2024-01-16T14:05
      '16 januari 2024 om 14:05'                  => 2024-01-16T14:05
      '16 mrt. 2024'                              => 2024-03-16
      '16 januari 2024 kl. 14.05'                 => 2024-01-16T14:05
      '16 января 2024'                            => 2024-01-16
      '16 января 2024 г. в 14:05'                 => 2024-01-16T14:05
      '16 янв. 2024'                              => 2024-01-16
      '16 січня 2024 року'                        => 2024-01-16
      '16 stycznia 2024'                          => 2024-01-16
      '16. ledna 2024'                            => 2024-01-16
      '16 Ocak 2024'                              => 2024-01-16
      '16 MAYIS 2024'                             => 2024-05-16
      '16 Ιανουαρίου 2024'                        => 2024-01-16
      '16 Ogos 2024'                              => 2024-08-16
      '2024年1月16日'                              => 2024-01-16
      '2024年1月16日 14:05'                        => 2024-01-16T14:05
      '2024年1月16日(火) 14時05分'                  => 2024-01-16T14:05
      '2024년 1월 16일'                             => 2024-01-16
      '2024. 1. 16.'                              => 2024-01-16
      '２０２４年１月１６日'                           => 2024-01-16
      """)
  void readsDatesInOtherLanguages(String text, String expected) {
    assertThat(reader.parse(text)).contains(published(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      '16 Jan 2024 14:05 UTC'     => 2024-01-16T14:05Z
      '16 Jan 2024 14:05 GMT+7'   => 2024-01-16T14:05+07:00
      '16 Jan 2024 14:05 UTC+05:30' => 2024-01-16T14:05+05:30
      '16 Jan 2024 14:05 EDT'     => 2024-01-16T14:05-04:00
      '16 Jan 2024 14:05 CST'     => 2024-01-16T14:05-06:00
      '16 Jan 2024 14:05 CDT'     => 2024-01-16T14:05-05:00
      '16 Jan 2024 14:05 MST'     => 2024-01-16T14:05-07:00
      '16 Jan 2024 14:05 MDT'     => 2024-01-16T14:05-06:00
      '16 Jan 2024 14:05 PST'     => 2024-01-16T14:05-08:00
      '16 Jan 2024 14:05 ET'      => 2024-01-16T14:05-05:00
      '16 Jul 2024 14:05 ET'      => 2024-07-16T14:05-04:00
      '16 Jan 2024 14:05 PT'      => 2024-01-16T14:05-08:00
      '16 Jul 2024 14:05 PT'      => 2024-07-16T14:05-07:00
      '16 Jul 2024 14:05 BST'     => 2024-07-16T14:05+01:00
      '16 Jan 2024 14:05 CET'     => 2024-01-16T14:05+01:00
      '16 Jul 2024 14:05 CEST'    => 2024-07-16T14:05+02:00
      '16 Jan 2024 14:05 IST'     => 2024-01-16T14:05+05:30
      '16 Jan 2024 14:05 JST'     => 2024-01-16T14:05+09:00
      '16 Jan 2024 14:05 KST'     => 2024-01-16T14:05+09:00
      '16 Jan 2024 14:05 AEST'    => 2024-01-16T14:05+10:00
      '16 Jan 2024 14:05 AEDT'    => 2024-01-16T14:05+11:00
      '16 Jan 2024 14:05 SGT'     => 2024-01-16T14:05+08:00
      '16 Jan 2024 14:05 HKT'     => 2024-01-16T14:05+08:00
      '16 Jan 2024 14:05 (WIB)'   => 2024-01-16T14:05+07:00
      """)
  void readsZoneAbbreviations(String text, String expected) {
    assertThat(reader.parse(text)).contains(published(expected));
  }

  @Test
  void keepsCalendarDayAsWrittenNotUtc() {
    Optional<Published> published = reader.parse("2024-01-16T23:30:00-05:00");

    assertThat(published).contains(new Published(LocalDate.of(2024, 1, 16),
        Optional.of(LocalTime.of(23, 30)), Optional.of(ZoneOffset.ofHours(-5))));
  }

  @Test
  void keepsLowerCaseZoneLikeWordsOutOfTheOffset() {
    assertThat(reader.parse("16 janvier 2024 14:05 et plus"))
        .contains(published("2024-01-16T14:05"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      16/01/2024 => 2024-01-16
      01/16/2024 => 2024-01-16
      03/04/2024 => 2024-04-03
      3-4-2024   => 2024-04-03
      """)
  void readsNumbersDayFirstUnlessTheDayCannotBeFirst(String text, String expected) {
    assertThat(reader.parse(text)).contains(published(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      03/04/2024 => 2024-03-04
      16/01/2024 => 2024-01-16
      12/25/2023 => 2023-12-25
      """)
  void readsNumbersMonthFirstWithUsHint(String text, String expected) {
    assertThat(reader.parse(text, "en-US")).contains(published(expected));
    assertThat(reader.parse(text, "en_US")).contains(published(expected));
  }

  @Test
  void readsNumbersDayFirstWithOtherHints() {
    assertThat(reader.parse("03/04/2024", "en-GB")).contains(published("2024-04-03"));
    assertThat(reader.parse("03/04/2024", "id")).contains(published("2024-04-03"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      1705413900    => 2024-01-16T14:05Z
      1705413900000 => 2024-01-16T14:05Z
      820454400     => 1996-01-01T00:00Z
      """)
  void readsUnixEpochSecondsAndMillis(String text, String expected) {
    assertThat(reader.parse(text)).contains(published(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "123456789", "9999999999", "99999999999999", "0",
      "20241340", "12345678", "2024011605", "202401161405"})
  void rejectsDigitsThatAreNoPlausibleDate(String text) {
    assertThat(reader.parse(text)).isEmpty();
  }

  @Test
  void rejectsFebruaryThirtieth() {
    assertThat(reader.parse("2024-02-30")).isEmpty();
    assertThat(reader.parse("30/02/2024")).isEmpty();
    assertThat(reader.parse("30 February 2024")).isEmpty();
  }

  @Test
  void readsLeapDayOnlyInLeapYears() {
    assertThat(reader.parse("29 February 2024")).contains(published("2024-02-29"));
    assertThat(reader.parse("29 February 2023")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-13-01", "2024-00-10", "31 April 2024", "32 Januari 2024",
      "13/13/2024", "1989-12-31", "16 January 1850", "2101-01-01", "15 Smarch 2024"})
  void rejectsImpossibleDatesAndImplausibleYears(String text) {
    assertThat(reader.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "hello", "3 hours ago", "2 jam yang lalu", "kemarin",
      "yesterday", "16 January", "January 2024", "version 1.24.1", "Rp 16.000", "12:30",
      "1/2", "3 min read", "\uD800\uDC00", "2024", "+62 812-3456-7890"})
  void readsNothingFromTextThatIsNoDate(String text) {
    assertThat(reader.parse(text)).isEmpty();
    assertThat(reader.find(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      'By Jane Doe | Published 16 January 2024, 14:05 WIB | 3 min read' => 2024-01-16T14:05+07:00
      'Diterbitkan Selasa, 16 Januari 2024 - 14:05 WIB'                  => 2024-01-16T14:05+07:00
      'Posted on 2024-01-16'                                             => 2024-01-16
      'Penulis: Budi | Editor: Ani | Kompas.com - 16/01/2024, 14:05 WIB' => 2024-01-16T14:05+07:00
      'Reporter: Andi Saputra, Rabu, 17 Jan 2024 08:15 WIB'              => 2024-01-17T08:15+07:00
      'JAKARTA, KOMPAS.com - Harga beras naik. Jakarta, 16 Januari 2024' => 2024-01-16
      'Published:16/01/2024'                                             => 2024-01-16
      'AP - Jan. 16, 2024, 3:04 p.m. ET'                                 => 2024-01-16T15:04-05:00
      'Senin (15/1/2024) pukul 14.05 WIB'                                => 2024-01-15T14:05+07:00
      'Pukul 10.00 WIB, Selasa, 16 Januari 2024'                         => 2024-01-16T10:00+07:00
      'Veröffentlicht am 16.01.2024 um 14:05 Uhr'                        => 2024-01-16T14:05
      'Опубликовано: 16 января 2024, 14:05 МСК'                          => 2024-01-16T14:05+03:00
      'Mis à jour le 16 janvier 2024 à 14h05'                            => 2024-01-16T14:05
      """)
  void findsTheDateInsideABylineOrDateLine(String text, String expected) {
    assertThat(reader.find(text)).contains(published(expected));
  }

  @Test
  void ignoresPricesAndReadTimesInByline() {
    String byline = "Rp 45.000 | 3 min read | 1/2 porsi | 0812-3456-7890 | v1.24.1 | 12.5% | 2.024";

    assertThat(reader.find(byline)).isEmpty();
    assertThat(reader.find(byline + " | 16 Januari 2024")).contains(published("2024-01-16"));
  }

  @Test
  void prefersAFullDateOverADayAndMonthWithoutYear() {
    String text = "Pada 5 Mei lalu harga naik; laporan ini terbit 16 Januari 2024.";

    assertThat(reader.find(text)).contains(published("2024-01-16"));
  }

  @Test
  void skipsAnImpossibleDateAndFindsTheNextOne() {
    assertThat(reader.find("Kode 31/02/2024, terbit 1 Maret 2024"))
        .contains(published("2024-03-01"));
  }

  @Test
  void doesNotReadTheEndOfATimeRangeAsAnOffset() {
    assertThat(reader.find("Acara: Rabu, 17 Januari 2024 | 10:00-12:00 WIB"))
        .contains(published("2024-01-17T10:00"));
  }

  @Test
  void doesNotTakeANumberAfterTheDateForATime() {
    assertThat(reader.find("Per 16 Januari 2024 3.50 persen warga"))
        .contains(published("2024-01-16"));
    assertThat(reader.find("Per 16 Januari 2024 10.000 orang"))
        .contains(published("2024-01-16"));
  }

  @Test
  void readsNoRelativeDates() {
    assertThat(reader.find("Diperbarui 2 jam yang lalu")).isEmpty();
    assertThat(reader.find("Updated 3 hours ago")).isEmpty();
  }

  @Test
  void findsQuicklyInLongAndPathologicalTexts() {
    String news = ("Harga cabai naik menjadi Rp 45.000 per kg, kata Menteri pada Senin (15/1). "
        + "Sekitar 1,2 juta orang terdampak; 3 min read. Hubungi 021-5551234, versi 1.24.1. ")
        .repeat(30);
    List<String> texts = List.of(news, "1/".repeat(2_500), "2024-".repeat(1_000),
        "9.".repeat(2_500), "12:00 ".repeat(800), "16 Jan ".repeat(700),
        "31/02/2024 ".repeat(450), "10:00 - ".repeat(600), "1".repeat(5_000));

    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (int i = 0; i < 20; i++) {
        for (String text : texts) {
          assertThat(reader.find(text)).isEmpty();
        }
      }
    });
  }

  @Test
  void readsALeapSecondAsTheSecondBefore() {
    assertThat(reader.parse("2016-12-31T23:59:60Z")).contains(published("2016-12-31T23:59:59Z"));
  }

  @Test
  void neverThrowsOnArbitraryText() {
    var random = new Random(42);
    String alphabet = "0123456789//..--:: TZ+WIBjanJan,|年月日ap";

    assertThatCode(() -> {
      for (int i = 0; i < 5_000; i++) {
        var text = new StringBuilder();
        for (int length = random.nextInt(40); length > 0; length--) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        reader.parse(text.toString());
        reader.find(text.toString());
        reader.fromUrl("/" + text);
      }
    }).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      https://nasional.kompas.com/read/2024/01/16/14050001/judul-berita    => 2024-01-16
      https://example.com/news/2024/1/6/slug                               => 2024-01-06
      https://example.com/2024-01-16/slug                                  => 2024-01-16
      https://example.com/berita/2024-01-16-harga-beras-naik               => 2024-01-16
      https://example.com/news/20240116/slug                               => 2024-01-16
      https://www.cnnindonesia.com/nasional/20240116140512-20-1050123/judul => 2024-01-16
      https://www.theguardian.com/world/2024/jan/16/slug                   => 2024-01-16
      /2024/01/16/                                                         => 2024-01-16
      https://example.com/archive/2024/01/16                               => 2024-01-16
      """)
  void readsTheDateFromAUrlPath(String url, String expected) {
    assertThat(reader.fromUrl(url)).contains(LocalDate.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/article?id=20240116",
      "https://example.com/read#2024/01/16", "https://example.com/2024/13/16/slug",
      "https://example.com/2024/01/slug", "https://example.com/d-20240116/slug",
      "https://example.com/12345678/slug", "https://news.detik.com/berita/d-7143829/judul",
      "https://example.com/1989/01/16/slug", "https://20240116.example.com/", ""})
  void readsNoDateFromUrlsWithoutOneInThePath(String url) {
    assertThat(reader.fromUrl(url)).isEmpty();
  }

  /** The value a date as ISO 8601 stands for: a date, a local date-time or one with its offset. */
  private static Published published(String iso) {
    if (iso.length() == 10) {
      return Published.on(LocalDate.parse(iso));
    }
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso,
        OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime dateTime
        ? Published.at(dateTime) : Published.at((LocalDateTime) parsed);
  }
}
