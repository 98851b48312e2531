package io.airtix.platform.validation;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what they say: a number or {@code true} where text belongs, and a fraction
 * where a whole number belongs, are refused (400) instead of being turned into {@code "12345"},
 * {@code "true"} or a truncated number that then passes as valid input; text with control
 * characters or half a character is refused too ({@link PlainTextDeserializer}).
 */
final class StrictJsonInput implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(JsonMapper.Builder builder) {
    builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    builder.withCoercionConfig(
        LogicalType.Textual,
        text ->
            text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    builder.addModule(
        new SimpleModule("airtix-plain-text")
            .addDeserializer(String.class, new PlainTextDeserializer()));
  }
}
