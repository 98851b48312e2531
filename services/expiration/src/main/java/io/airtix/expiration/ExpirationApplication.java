package io.airtix.expiration;

import io.airtix.platform.config.AirtixService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@AirtixService("expiration")
public class ExpirationApplication {

  public static void main(String[] args) {
    SpringApplication.run(ExpirationApplication.class, args);
  }
}
