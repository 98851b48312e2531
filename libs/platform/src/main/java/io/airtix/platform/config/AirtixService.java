package io.airtix.platform.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an Airtix service on its application class. The name is the service's {@code
 * spring.application.name}, the name of its configuration file ({@code <name>.yaml}) and the
 * audience its tokens must carry. Several services share one class path in the standalone launcher,
 * so none of them may claim {@code application.yaml}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AirtixService {

  String value();
}
