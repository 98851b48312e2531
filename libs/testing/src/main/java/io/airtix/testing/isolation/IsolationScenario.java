package io.airtix.testing.isolation;

import java.util.Set;

/**
 * What a service's matrix test provides: the callers' tokens, the objects of airlines A and B, and
 * how to address them. The matrix decides what is asked and what the answer must be.
 */
public interface IsolationScenario {

  /**
   * An access token of the caller; asked once per caller and kept. Never asked for {@link
   * Caller#ANONYMOUS}.
   */
  String accessToken(Caller caller);

  /**
   * The request for a row: path variables naming an object of {@code row.object()}'s airline, and
   * body or query as the endpoint needs. When {@link MatrixRow#changesItsObject()} the object must
   * be a new one, so shared objects stay as the other rows expect them. A scenario that does not
   * know the endpoint throws: a new endpoint needs its rows and the means to call it.
   */
  MatrixRequest request(MatrixRow row);

  /**
   * Strings that occur only in data of the airline (its alias, ids of its objects, e-mail addresses
   * of its staff), at least six characters long and none part of a marker of the other airline. A
   * response shows an airline's data when it contains one of its markers.
   */
  Set<String> markersOf(Owner airline);
}
