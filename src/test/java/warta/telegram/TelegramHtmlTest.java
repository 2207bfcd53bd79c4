package warta.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramHtmlTest {

  static Stream<Arguments> accepted() {
    return Stream.of(
        arguments("plain text", "plain text"),
        arguments("<b>b</b> <strong>st</strong> <i>i</i> <em>em</em> <u>u</u> <ins>ins</ins> <s>s</s> "
            + "<strike>strike</strike> <del>del</del>", "b st i em u ins s strike del"),
        arguments("<a href=\"https://example.com/?a=1&amp;b=2\">link</a>", "link"),
        arguments("<a href='tg://user?id=42'>Reader</a>", "Reader"),
        arguments("<code>x &lt; y</code>", "x < y"),
        arguments("<pre><code class=\"language-java\">int x;</code></pre>", "int x;"),
        arguments("<blockquote expandable>quote</blockquote>", "quote"),
        arguments("<tg-spoiler>s</tg-spoiler> <span class=\"tg-spoiler\">t</span>", "s t"),
        arguments("<tg-emoji emoji-id=\"5368324170671202286\">\uD83D\uDC4D</tg-emoji>", "\uD83D\uDC4D"),
        arguments("&lt;&gt;&amp;&quot;", "<>&\""),
        arguments("&#8212; &#x2014; &#X2014;", "\u2014 \u2014 \u2014"),
        arguments("<B>Upper</B>", "Upper"),
        arguments("<b><i>nested</i> bold</b>", "nested bold"),
        arguments("line\nbreak", "line\nbreak"));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void allowedMarkupReadsAsTheTextTheReaderSees(String html, String shown) {
    assertThat(TelegramHtml.read(html)).isEqualTo(new TelegramHtml.Parsed(shown));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        arguments("<p>x</p>", "Unsupported start tag \"p\" at byte offset 0"),
        arguments("a<br>b", "Unsupported start tag \"br\" at byte offset 1"),
        arguments("a<br/>b", "Unsupported start tag \"br\" at byte offset 1"),
        arguments("<div>x</div>", "Unsupported start tag \"div\" at byte offset 0"),
        arguments("Héadline<p>", "Unsupported start tag \"p\" at byte offset 9"),
        arguments("a < b", "Unsupported start tag \"\" at byte offset 2"),
        arguments("a > b", "Character \">\" must be escaped as \"&gt;\" at byte offset 2"),
        arguments("Tom & Jerry", "Character \"&\" must be escaped as \"&amp;\" at byte offset 4"),
        arguments("a&nbsp;b", "Unsupported HTML entity \"&nbsp;\" at byte offset 1"),
        arguments("&#0;", "Unsupported HTML entity \"&#0;\" at byte offset 0"),
        arguments("<b>x", "Can't find end tag corresponding to start tag b"),
        arguments("x</b>", "Unexpected end tag at byte offset 1"),
        arguments("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\""),
        arguments("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0"),
        arguments("<tg-emoji>x</tg-emoji>",
            "Tag \"tg-emoji\" must have a numeric attribute \"emoji-id\" at byte offset 0"),
        arguments("<b", "Unclosed start tag at byte offset 0"),
        arguments("<a href=\"x>y</a>", "Unclosed start tag at byte offset 0"),
        arguments("x</b", "Unclosed end tag at byte offset 1"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void markupOutsideTelegramsRulesIsRefusedWithTheWhereAndWhy(String html, String reason) {
    assertThat(TelegramHtml.read(html)).isEqualTo(new TelegramHtml.Refused(reason));
  }
}
