package warta.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTest {

  @Test
  void splitKeepsWordsAsWrittenAndFoldsCaseAndAccents() {
    assertThat(Token.split("Côte d’Ivoire's U.S.-backed İstanbul, 5G!")).containsExactly(
        new Token("Côte", "cote"), new Token("d", "d"), new Token("Ivoire", "ivoire"),
        new Token("s", "s"), new Token("U", "u"), new Token("S", "s"), new Token("backed", "backed"),
        new Token("İstanbul", "istanbul"), new Token("5G", "5g"));
  }

  @Test
  void keyJoinsFoldedWordsWithOneSpace() {
    assertThat(Token.key("  Southeast-Asia ")).isEqualTo("southeast asia");
    assertThat(Token.key("Türkiye")).isEqualTo("turkiye");
    assertThat(Token.key("...")).isEmpty();
  }

  @Test
  void textInCapitalsIsShouted() {
    assertThat(Token.shouted(Token.split("WHAT IT MEANS FOR US"))).isTrue();
    assertThat(Token.shouted(Token.split("What It Means For US"))).isFalse();
    assertThat(Token.shouted(Token.split("US"))).isFalse();
    assertThat(Token.shouted(List.of())).isFalse();
  }
}
