package warta.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private final Redaction redaction = new Redaction("123456789:AAHsecretPART");

  @Test
  void theTokenIsReplacedWhereverATextQuotesIt() {
    assertEquals("Failed to connect to api.example/bot<token>/sendmessage",
        redaction.scrub("Failed to connect to api.example/bot123456789:AAHsecretPART/sendmessage"));
  }

  @Test
  void anExceptionIsDescribedWithoutTheToken() {
    assertEquals("IOException: unexpected end of stream on http://h/bot<token>/getupdates",
        redaction.describe(new IOException("unexpected end of stream on http://h/bot123456789:AAHsecretPART/getupdates")));
  }
}
