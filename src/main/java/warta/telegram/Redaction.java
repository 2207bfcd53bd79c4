package warta.telegram;

/** Keeps the bot token out of log lines and messages: any text that may quote a request URL goes through it. */
final class Redaction {

  private final String token;

  Redaction(String token) {
    this.token = token;
  }

  String scrub(String text) {
    if (text == null) {
      return "";
    }
    return token.isEmpty() ? text : text.replace(token, "<token>");
  }

  String describe(Throwable e) {
    return scrub(e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
