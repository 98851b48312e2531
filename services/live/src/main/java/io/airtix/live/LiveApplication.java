package io.airtix.live;

import io.airtix.platform.config.AirtixService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@AirtixService("live")
public class LiveApplication {

  public static void main(String[] args) {
    SpringApplication.run(LiveApplication.class, args);
  }
}
