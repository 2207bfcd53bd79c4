package warta.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageGuesserTest {

  private final LanguageGuesser guesser = new LanguageGuesser();

  @Test
  void guessesIndonesianNewsParagraph() {
    String paragraph = "JAKARTA - Pemerintah memastikan harga beras di pasar tradisional akan turun "
        + "pada bulan depan. Menteri Perdagangan mengatakan kebijakan tersebut diambil setelah "
        + "rapat dengan para pedagang, karena stok nasional masih cukup hingga akhir tahun. "
        + "Menurut dia, masyarakat tidak perlu khawatir dan bisa membeli seperti biasa.";

    assertThat(guesser.guess(paragraph)).isEqualTo("id");
  }

  @Test
  void guessesEnglishNewsParagraph() {
    String paragraph = "WASHINGTON (Reuters) - The government said on Tuesday that it would lower "
        + "the price of rice next month, after officials met with traders in the capital. The "
        + "minister also said that national stocks were enough until the end of the year and "
        + "that there was no reason for concern.";

    assertThat(guesser.guess(paragraph)).isEqualTo("en");
  }

  @Test
  void tellsMalayFromIndonesian() {
    String malay = "Kerajaan mengumumkan bahawa harga beras akan turun selepas mesyuarat kabinet "
        + "semalam. Menteri Perdagangan berkata langkah itu diambil kerana bekalan negara masih "
        + "mencukupi, iaitu sehingga hujung tahun ini, dan rakyat boleh membeli seperti biasa.";
    String indonesian = "Pemerintah mengumumkan bahwa harga beras akan turun setelah rapat kabinet "
        + "kemarin. Menteri Perdagangan mengatakan langkah itu diambil karena pasokan nasional "
        + "masih mencukupi, yaitu hingga akhir tahun ini, dan warga bisa membeli seperti biasa.";

    assertThat(guesser.guess(malay)).isEqualTo("ms");
    assertThat(guesser.guess(indonesian)).isEqualTo("id");
  }

  @Test
  void prefersIndonesianWhenMalayWordsAreFew() {
    String sharedWords = "Mereka akan datang ke sini dengan keluarga dan teman pada tahun ini.";

    assertThat(guesser.guess(sharedWords)).isEqualTo("id");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
      de => Die Regierung hat am Dienstag angekündigt, dass die Preise für Reis im nächsten Monat sinken werden. Der Minister sagte nach einem Treffen mit Händlern in der Hauptstadt, die Vorräte seien bis zum Ende des Jahres ausreichend.
      fr => Le gouvernement a annoncé mardi que le prix du riz baissera le mois prochain. Le ministre a déclaré après une réunion avec les commerçants dans la capitale que les stocks nationaux sont suffisants jusqu'à la fin de l'année.
      es => El gobierno anunció el martes que el precio del arroz bajará el próximo mes. El ministro dijo después de una reunión con los comerciantes en la capital que las reservas nacionales son suficientes hasta el final del año.
      pt => O governo anunciou na terça-feira que o preço do arroz vai cair no próximo mês. O ministro disse que, depois de uma reunião com os comerciantes na capital, os estoques nacionais são suficientes até o fim do ano.
      it => Il governo ha annunciato martedì che il prezzo del riso scenderà il mese prossimo. Il ministro ha detto dopo una riunione con i commercianti nella capitale che le scorte nazionali sono sufficienti fino alla fine dell'anno.
      nl => De regering heeft dinsdag aangekondigd dat de prijs van rijst volgende maand zal dalen. De minister zei na een overleg met handelaren in de hoofdstad dat de nationale voorraden tot het einde van het jaar voldoende zijn.
      sv => Regeringen meddelade på tisdagen att priset på ris kommer att sjunka nästa månad. Ministern sade efter ett möte med handlare i huvudstaden att de nationella lagren räcker till slutet av året.
      pl => Rząd ogłosił we wtorek, że cena ryżu spadnie w przyszłym miesiącu. Minister powiedział po spotkaniu z handlowcami w stolicy, że zapasy krajowe są wystarczające do końca roku i nie ma powodu do obaw.
      cs => Vláda v úterý oznámila, že cena rýže příští měsíc klesne. Ministr po jednání s obchodníky v hlavním městě uvedl, že národní zásoby jsou dostatečné až do konce roku a že není důvod k obavám.
      tr => Hükümet salı günü pirinç fiyatının gelecek ay düşeceğini açıkladı. Bakan, başkentte tüccarlarla yapılan toplantının ardından ulusal stokların yıl sonuna kadar yeterli olduğunu ve endişe için bir neden olmadığını söyledi.
      vi => Chính phủ đã thông báo vào thứ Ba rằng giá gạo sẽ giảm trong tháng tới. Bộ trưởng cho biết sau cuộc họp với các thương nhân tại thủ đô rằng lượng dự trữ quốc gia đủ cho đến cuối năm.
      ru => Правительство во вторник объявило, что цены на рис снизятся в следующем месяце. Министр сообщил после встречи с торговцами в столице, что национальных запасов хватит до конца года.
      uk => Уряд у вівторок оголосив, що ціни на рис знизяться наступного місяця. Міністр повідомив після зустрічі з торговцями в столиці, що національних запасів вистачить до кінця року.
      ar => أعلنت الحكومة يوم الثلاثاء أن سعر الأرز سينخفض الشهر المقبل، وقال الوزير إن المخزون الوطني يكفي حتى نهاية العام.
      zh => 政府周二宣布，下个月大米价格将下降。部长在与首都商人会面后表示，国家储备足以维持到年底。
      ja => 政府は火曜日、来月から米の価格が下がると発表した。大臣は首都で商人と会談した後、国の備蓄は年末まで十分だと述べた。
      ko => 정부는 화요일 다음 달부터 쌀 가격이 내려갈 것이라고 발표했다. 장관은 수도에서 상인들과 만난 뒤 국가 비축량이 연말까지 충분하다고 말했다.
      th => รัฐบาลประกาศเมื่อวันอังคารว่าราคาข้าวจะลดลงในเดือนหน้า รัฐมนตรีกล่าวว่าปริมาณสำรองของประเทศเพียงพอจนถึงสิ้นปี
      el => Η κυβέρνηση ανακοίνωσε την Τρίτη ότι η τιμή του ρυζιού θα μειωθεί τον επόμενο μήνα. Ο υπουργός δήλωσε ότι τα εθνικά αποθέματα επαρκούν μέχρι το τέλος του έτους.
      he => הממשלה הודיעה ביום שלישי כי מחיר האורז ירד בחודש הבא. השר אמר כי המלאי הלאומי מספיק עד סוף השנה.
      hi => सरकार ने मंगलवार को घोषणा की कि अगले महीने चावल की कीमत कम होगी। मंत्री ने कहा कि राष्ट्रीय भंडार साल के अंत तक पर्याप्त है।
      """)
  void guessesEachLanguageFromANewsSentence(String expected, String sentence) {
    assertThat(guesser.guess(sentence)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "OK", "Jakarta", "12345 !!! 678", "the", "Joko Widodo",
      "中国", "https://example.com/2024/01/16"})
  void saysNothingAboutShortOrSignallessText(String text) {
    assertThat(guesser.guess(text)).isEmpty();
  }

  @Test
  void picksTheLanguageMostOfAMixedTextIsIn() {
    String englishWithIndonesianQuote = "The minister spoke to reporters after the meeting. "
        + "\"Kami akan menurunkan harga,\" she said, adding that the price of rice would fall "
        + "in the coming weeks and that the government had enough stock for the rest of the year.";
    String indonesianWithEnglishTerm = "Menurut laporan tersebut, tingkat inflasi pada bulan ini "
        + "masih berada di bawah target, meskipun harga pangan sempat naik karena cuaca buruk. "
        + "Analis menyebut kondisi ini sebagai a soft landing bagi ekonomi nasional.";
    String englishWithChineseName = "Premier Li Qiang (李强) said on Tuesday that the economy would "
        + "grow by about five percent this year, according to the state news agency.";

    assertThat(guesser.guess(englishWithIndonesianQuote)).isEqualTo("en");
    assertThat(guesser.guess(indonesianWithEnglishTerm)).isEqualTo("id");
    assertThat(guesser.guess(englishWithChineseName)).isEqualTo("en");
  }

  @Test
  void looksOnlyAtTheFirstTwoThousandCharacters() {
    String english = "The government said that it would lower the price of rice next month. ";
    String indonesian = "Pemerintah mengatakan bahwa harga beras akan turun pada bulan depan. ";
    String text = english.repeat(2_000 / english.length() + 1) + indonesian.repeat(200);

    assertThat(guesser.guess(text)).isEqualTo("en");
  }

  @Test
  void tellsJapaneseByItsKanaAmongChineseCharacters() {
    assertThat(guesser.guess("東京都の人口は増えている")).isEqualTo("ja");
    assertThat(guesser.guess("东京的人口正在增长")).isEqualTo("zh");
  }
}
