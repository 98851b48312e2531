package io.airtix.testing.isolation;

/**
 * One line of an isolation matrix: what {@code caller} gets from {@code endpoint} for an object of
 * {@code object}'s airline.
 *
 * @param status the expected HTTP status
 * @param sees for successful reads, whose data the response shows
 * @param line the line in the matrix file, for messages
 */
public record MatrixRow(
    Endpoint endpoint, Caller caller, Owner object, int status, Visibility sees, int line) {

  /**
   * Whether the request changes or removes what it addresses when it succeeds as the matrix
   * expects, so the scenario must give it an object of its own instead of the one the other rows
   * share.
   */
  public boolean changesItsObject() {
    return !"GET".equals(endpoint.method()) && status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    String about = object == Owner.NONE ? "" : " of " + object;
    String shows = sees == Visibility.UNSTATED ? "" : ", sees " + sees;
    return caller + ": " + endpoint + about + " -> " + status + shows;
  }
}
