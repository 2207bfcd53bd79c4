package warta;

import warta.cli.Cli;

/** Warta's entry point: hands the command line to {@link Cli} and exits with its code. */
public final class App {

  private App() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
