package warta.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a fetch policy accepts, and the name robots.txt knows us by. */
class FetchPolicyTest {

  @Test
  void theDefaultsNameWartaAndItsHomeAndRobotsTxtKnowsUsAsWartaBot() {
    FetchPolicy defaults = FetchPolicy.defaults();

    assertThat(defaults).isEqualTo(new FetchPolicy("WartaBot/0.1 (+https://github.com/warta-news/warta)",
        Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), 5));
    assertThat(defaults.robotName()).isEqualTo("WartaBot");
  }

  @Test
  void aUserAgentWithoutAProductTokenIsRejected() {
    assertThatThrownBy(() -> new FetchPolicy("(compatible; news)", Duration.ZERO, Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ofSeconds(1), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fetch policy: user agent \"(compatible; news)\" does not start with a product token"
            + " (letters, digits, '-' or '_', e.g. WartaBot/0.1)");
  }

  @Test
  void aZeroCallTimeoutIsRejected() {
    assertThatThrownBy(() -> new FetchPolicy("WartaBot/0.1", Duration.ZERO, Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ZERO, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fetch policy: callTimeout=PT0S is zero (no limit is not allowed; give a time such as PT30S)");
  }
}
