package io.airtix.platform.validation;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Text in a request body is text a person could have typed: control characters (an escape sequence
 * that recolours a terminal, a NUL that cuts a string short in C) and halves of a character (a lone
 * surrogate, which no database stores as UTF-8) are refused with 400. Tabs and line breaks stay.
 */
final class PlainTextDeserializer extends StringDeserializer {

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) {
    String text = super.deserialize(parser, context);
    if (text != null && !isPlain(text)) {
      throw context.weirdStringException(
          text, String.class, "contains a control character or half of a character");
    }
    return text;
  }

  static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
