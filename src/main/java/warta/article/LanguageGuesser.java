package warta.article;

/** TEMPORARY stand-in until the real guesser lands. */
public final class LanguageGuesser {
  public String guess(String text) { return ""; }
}
