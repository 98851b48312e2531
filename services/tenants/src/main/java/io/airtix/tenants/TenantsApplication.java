package io.airtix.tenants;

import io.airtix.platform.config.AirtixService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@AirtixService("tenants")
public class TenantsApplication {

  public static void main(String[] args) {
    SpringApplication.run(TenantsApplication.class, args);
  }
}
