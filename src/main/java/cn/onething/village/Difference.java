package cn.onething.village;

/** A figure a village entry publishes differently from the county's figure for the same matter. */
public record Difference(SharedElement element, String villageFigure, String countyFigure) {
}
