package io.airtix.platform.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.airtix.platform.security.AirtixPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Requests ask the one shared policy at the same time. jcasbin resolves role links of a domain
 * pattern ("*") lazily, writing to its role managers even under SyncedEnforcer's read lock; the
 * orders service's concurrent reservations met a ConcurrentModificationException there. The race is
 * likeliest on a fresh enforcer, so each round builds one and lets many threads ask their first
 * questions at once, "*" (somewhere) included; without the fix in AccessPolicy this test fails
 * within the first rounds.
 */
class AccessPolicyConcurrencyTests {

  @Test
  void answersConcurrentFirstQuestionsOfManyCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 40; round++) {
        AccessPolicy policy =
            new AccessPolicy(
                AuthorizationAutoConfiguration.enforcer(
                    new ClassPathResource("policies/model.conf"),
                    new ClassPathResource("policies/policy.csv")));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int task = 0; task < 32; task++) {
          String airline = task % 2 == 0 ? "aerolux" : "airline-" + task;
          AirtixPrincipal admin = PrincipalMother.member(airline, "tenant-admin");
          AirtixPrincipal customer = PrincipalMother.platform("customer");
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    boolean all = true;
                    for (int i = 0; i < 50; i++) {
                      // as Reservations asks: somewhere ("*" as the domain), then in the ticket's
                      // airline
                      all &= policy.allowsSomewhere(customer, "create", "orders");
                      all &= policy.allows(customer, "create", "orders", "aerolux");
                      all &= policy.allows(admin, "update", "tickets", airline);
                    }
                    return all;
                  }));
        }
        start.countDown();
        for (Future<Boolean> answer : answers) {
          assertThat(answer.get(1, TimeUnit.MINUTES)).isTrue();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
