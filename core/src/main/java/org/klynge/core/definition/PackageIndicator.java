package org.klynge.core.definition;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * An indicator in a cluster package: either written inline, or a reference
 * {@code id} / {@code id@version} to an indicator defined elsewhere in the definitions.
 */
@JsonDeserialize(using = PackageIndicatorDeserializer.class)
public sealed interface PackageIndicator permits Indicator, IndicatorRef {}
