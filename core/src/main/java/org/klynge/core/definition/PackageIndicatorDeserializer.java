package org.klynge.core.definition;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/** Reads a package's indicator entry: a string is a reference, an object an inline indicator. */
final class PackageIndicatorDeserializer extends JsonDeserializer<PackageIndicator> {

  @Override
  public PackageIndicator deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return IndicatorRef.parse(p.getText());
    }
    if (p.currentToken() == JsonToken.START_OBJECT) {
      return ctxt.readValue(p, Indicator.class);
    }
    return (PackageIndicator) ctxt.handleUnexpectedToken(PackageIndicator.class, p);
  }
}
