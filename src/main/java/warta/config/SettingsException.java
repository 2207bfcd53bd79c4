package warta.config;

import java.util.List;

/** Settings that cannot be used: every problem found, one per line, each naming key, value and what was expected. */
public final class SettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  SettingsException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
