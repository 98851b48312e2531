package io.airtix.expiration.deadline;

/** The standalone mode's index. */
class InMemoryDeadlineIndexTests extends DeadlineIndexContract {

  @Override
  DeadlineIndex index() {
    return new InMemoryDeadlineIndex();
  }
}
