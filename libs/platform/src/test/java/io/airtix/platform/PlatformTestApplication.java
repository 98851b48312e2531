package io.airtix.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the platform's auto-configuration on its own, for slice tests of this module. */
@SpringBootApplication
public class PlatformTestApplication {}
