package io.airtix.tickets;

import io.airtix.platform.config.AirtixService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@AirtixService("tickets")
public class TicketsApplication {

  public static void main(String[] args) {
    SpringApplication.run(TicketsApplication.class, args);
  }
}
