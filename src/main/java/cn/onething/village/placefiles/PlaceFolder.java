package cn.onething.village.placefiles;

import java.util.List;

import cn.onething.shared.yaml.Problem;
import cn.onething.village.Places;

/** What guides/places/ holds, or the problems that keep it from being used. */
public record PlaceFolder(Places places, List<Problem> problems) {

	public boolean isValid() {
		return problems.isEmpty();
	}
}
