package org.placementmatcher.solver;

import java.util.List;
import org.placementmatcher.domain.PlacementUnit;

/**
 * One more place's gain at a provider ({@link PlacementFlow#placeGains()}): urgency weight and soft points, times the
 * scale, and the units one child of each of which the path moves (placed from waiting, or on to a better place).
 */
public record PlaceGain(long mediumScaled, long softScaled, List<PlacementUnit> unitsMoved) {}
