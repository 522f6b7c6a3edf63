package dk.kfgateway.security;

/** The five permissions of a SMART v2 scope ({@code system/Task.cruds}), each with its letter. */
public enum SmartAction {
  CREATE('c', "create"),
  READ('r', "read"),
  UPDATE('u', "update"),
  DELETE('d', "delete"),
  SEARCH('s', "search");

  private final char letter;
  private final String verb;

  SmartAction(char letter, String verb) {
    this.letter = letter;
    this.verb = verb;
  }

  public char letter() {
    return letter;
  }

  public String verb() {
    return verb;
  }
}
