package warta.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a setting's value comes from, most specific first: a Java system property of the same
 * name, an environment variable named by upper-casing the key and turning dots and dashes into
 * underscores ({@code database.path} is {@code DATABASE_PATH}), the properties file, the default.
 */
final class SettingSources {

  /** A value and where it was found, for messages: {@code bot.properties}, {@code -Ddatabase.path}. */
  record Value(String text, String origin) {}

  private final Properties file;
  private final String fileName;
  private final Map<String, String> environment;
  private final Properties system;

  SettingSources(Properties file, String fileName, Map<String, String> environment, Properties system) {
    this.file = file;
    this.fileName = fileName;
    this.environment = environment;
    this.system = system;
  }

  /** Reads the properties file if it exists; a file that cannot be read is a settings problem. */
  static Properties readFile(Path path) {
    Properties properties = new Properties();
    if (!Files.exists(path)) {
      return properties;
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return properties;
    } catch (IOException | IllegalArgumentException e) {
      throw new SettingsException(java.util.List.of(path + ": cannot be read: " + e.getMessage()));
    }
  }

  static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  Optional<Value> find(String key) {
    String fromSystem = system.getProperty(key);
    if (fromSystem != null) {
      return Optional.of(new Value(fromSystem.strip(), "-D" + key));
    }
    String variable = environmentName(key);
    String fromEnvironment = environment.get(variable);
    if (fromEnvironment != null) {
      return Optional.of(new Value(fromEnvironment.strip(), "environment " + variable));
    }
    String fromFile = file.getProperty(key);
    if (fromFile != null) {
      return Optional.of(new Value(fromFile.strip(), fileName));
    }
    return Optional.empty();
  }
}
