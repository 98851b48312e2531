package io.airtix.platform.authorization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.casbin.jcasbin.main.SyncedEnforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.persist.file_adapter.FileAdapter;
import org.casbin.jcasbin.util.BuiltInFunctions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The casbin enforcer and the {@link AccessPolicy} in front of it. */
@AutoConfiguration
@EnableConfigurationProperties(PolicySettings.class)
public class AuthorizationAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AccessPolicy accessPolicy(PolicySettings settings, ResourceLoader resources) {
    return new AccessPolicy(
        enforcer(
            resources.getResource(settings.model()), resources.getResource(settings.policy())));
  }

  /**
   * Builds the enforcer once; it is never modified afterwards. {@link SyncedEnforcer} because the
   * plain enforcer is not safe for concurrent requests.
   */
  public static SyncedEnforcer enforcer(Resource model, Resource policy) {
    try (InputStream modelText = model.getInputStream();
        InputStream policyLines = policy.getInputStream()) {
      Model casbinModel =
          Model.newModelFromString(new String(modelText.readAllBytes(), StandardCharsets.UTF_8));
      SyncedEnforcer enforcer = new SyncedEnforcer(casbinModel, new FileAdapter(policyLines));
      enforcer.enableLog(false);
      // "*" as the airline of a role inheritance (g, tenant-admin, agent, *) means every airline
      enforcer.addNamedDomainMatchingFunc("g", "keyMatch", BuiltInFunctions::keyMatch);
      enforcer.buildRoleLinks();
      return enforcer;
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "Cannot read authorization policy " + model + " / " + policy, ex);
    }
  }
}
