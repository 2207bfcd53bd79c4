package warta.article;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of text that sit among a story's paragraphs without being story: captions, bylines,
 * teasers, ads and the like. Each kind is recognised by its wording in several languages, never by
 * a site's markup, so the same rules serve HTML pages and scraped plain text.
 */
enum Noise {
  /** A lone media placeholder line: {@code image}, {@code foto}, {@code [video]}, {@code ***}. */
  PLACEHOLDER("media placeholder",
      "(?:image|img|gambar|foto|photo|picture|video|audio|grafis|infografis|\\[[^\\]]{0,40}]|[*\\-_=~•·]{1,10})"),
  /** {@code Baca Juga: ...}, {@code Read also: ...}. */
  TEASER("\"read also\" teaser",
      "(?:baca juga|baca pula|baca|lihat juga|lihat|simak juga|simak|tonton juga|tonton|artikel terkait|"
          + "berita terkait|read also|also read|read more|see also|related|related stories|related articles|"
          + "related coverage|recommended|more on this|more:|lesen sie auch|lesen sie mehr|mehr zum thema|"
          + "auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi|lee también|lea también|"
          + "leia também|leia mais|leggi anche|vedi anche|czytaj też|читайте также|также читайте)"
          + "\\s*(?:[:：»>|\\-–—]|\\s\\p{Lu}).*"),
  /** {@code Advertisement}, {@code Scroll to continue with content}. */
  AD("ad",
      "(?:advertisement|advertisment|iklan|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|"
          + "sponsored|sponsored content|konten bersponsor|scroll to continue(?: with content)?|"
          + "scroll untuk melanjutkan|gulir untuk melanjutkan|story continues below(?: advertisement)?|"
          + "article continues below(?: advertisement)?|continue reading(?: below| the main story)?)\\W*"),
  /** {@code Sumber: Antara}, {@code Source: Reuters}, {@code Editor: ...}, {@code Reporting by ...}. */
  CREDIT("credit line",
      "(?:(?:sumber|source|sources|quelle|fuente|fonte|editor|penulis|pewarta|reporter|redaktur|penyunting|"
          + "writer)\\s*[:/]|(?:written|edited|editing|reporting|additional reporting|compiled|translated) by\\s)"
          + ".{0,160}"),
  /**
   * A photo caption, told by its credit: {@code ... (ANTARA Photo/Sputnik/Alexei Nikolsky)},
   * {@code ... in New York.Reuters}, {@code ... Kathrin Ziegler/Getty}.
   */
  CAPTION("photo caption",
      "(?:.*\\((?=[^()]*(?:\\b(?:photo|foto|photograph|image|picture|bild|credit|getty|shutterstock|istock|"
          + "dok|doc|file|arsip|istimewa)\\b|/))[^()]{2,160}\\)\\s*\\.?"
          + "|.*(?:[.!?”\"]|\\p{Ll}/\\s?|\\s/\\s|\\|\\s?)(?:[\\p{Lu}][\\p{L}.'\\-]*\\s?){0,3}(?:/\\s?)?"
          + "(?:Getty(?: Images)?|Reuters|AP(?: Photo)?|AFP|EPA(?:-EFE)?|Shutterstock|iStock|Alamy|Bloomberg|"
          + "ANTARA(?: FOTO)?|Xinhua|Anadolu)(?:[\\s/].{0,60})?"
          + "|(?:photo-?illustration|photo|foto|image|picture|credit)s?\\s*:.*)", 300),
  /** {@code By Jane Doe}, {@code Oleh: Budi}, a reading time. */
  BYLINE("byline",
      "(?:(?:by|oleh|von|par|por|di|door|av|af)\\s*:?\\s+\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+\\p{Lu}?[\\p{L}.'’\\-]+){0,5}"
          + "(?:\\s*(?:,|and|dan|und|et|y|&|\\|)\\s*.{0,80})?|.{0,60}\\b\\d+\\s*(?:min(?:ute)?s? read|menit baca|"
          + "min lesezeit|min de lecture)\\b.{0,60})"),
  /** An editor's notice about the article rather than the story: affiliate, origin, spoiler notes. */
  NOTICE("editorial notice",
      "(?:this (?:story|article|post|piece|content|report) (?:was|is|has been|originally|first|appeared|"
          + "contains|may contain|includes)|originally (?:published|appeared)|an earlier version of this|"
          + "editor'?s note|disclosure|note to readers?|warning: this|spoiler warning|the products? "
          + "(?:discussed|featured|mentioned)|we (?:may )?(?:earn|receive|get) (?:a )?(?:small )?"
          + "(?:commission|share|fee)|.{0,40}affiliate (?:links?|commission)|get (?:all )?the latest|"
          + "sign up (?:for|to)|subscribe (?:to|for|now)|click here|watch:|listen:|video:|photos?:|"
          + "gallery:|follow (?:us|.{1,30}) on|all rights reserved|copyright|©|artikel ini (?:telah|sudah) "
          + "(?:tayang|terbit)|dapatkan (?:update|informasi)|ikuti (?:kami|berita)|klik (?:di )?sini|"
          + "simak (?:berita|video)|(?:you'?ll be asked to |please )?(?:sign|log) ?in(?:to| to| with)).*", 250),
  /** {@code Share}, {@code Bagikan}, a row of sharing buttons. */
  SHARE("share buttons",
      "(?:share|share this(?: article| story)?|bagikan|tweet|email|print|copy link|salin tautan|facebook|"
          + "twitter|whatsapp|linkedin|telegram|follow us(?: on .{0,40})?)(?:[\\s,|/]+(?:facebook|twitter|x|"
          + "whatsapp|linkedin|telegram|email|print|copy link|reddit|pinterest))*\\W*");

  private final String label;
  private final int maxLength;
  private final Pattern pattern;

  Noise(String label, String regex) {
    this(label, regex, 600);
  }

  /** @param maxLength longer text is never this kind of noise */
  Noise(String label, String regex, int maxLength) {
    this.label = label;
    this.maxLength = maxLength;
    this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  /** How a message names this kind: {@code photo caption}, {@code "read also" teaser}. */
  String label() {
    return label;
  }

  /** The kind of noise a paragraph is, or empty when it may be story. */
  static Optional<Noise> of(String paragraph) {
    if (paragraph.length() > 600) {
      return Optional.empty(); // noise is short; long text is story even when it quotes a credit
    }
    for (Noise noise : values()) {
      if (paragraph.length() > noise.maxLength) {
        continue;
      }
      if (noise.pattern.matcher(paragraph).matches() && !(noise == BYLINE && endsLikeASentence(paragraph))) {
        return Optional.of(noise);
      }
    }
    return Optional.empty();
  }

  /** "By Monday, the talks had failed." is a sentence; a byline does not end like one. */
  private static boolean endsLikeASentence(String text) {
    String trimmed = text.strip();
    return !trimmed.isEmpty() && ".!?\"”".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0;
  }
}
