package dk.kfgateway.calendar;

import java.time.LocalDate;

/**
 * One non-working day of a year with its Danish name, e.g. {@code 2025-04-18 Langfredag (Good Friday)}; handy for
 * logs, the README and tests.
 */
public record Holiday(LocalDate date, String name) implements Comparable<Holiday> {

  @Override
  public int compareTo(Holiday other) {
    return date.compareTo(other.date);
  }

  @Override
  public String toString() {
    return date + " " + name;
  }
}
